namespace CallLogClient.Sample.Export;

/// <summary>
/// Streams a provider's list into a file with constant memory: each page's rows are written as they arrive, flushed
/// to disk at the end of the page, and then the checkpoint (when one is asked for) records the position after that
/// page and the file's length, atomically. Resuming truncates the file to that length and reads on from there.
/// </summary>
internal sealed class CallLogExporter<TRow>(IExportSource<TRow> source, IRowWriter<TRow> writer, ExportProgress progress)
{
    public async Task<ExportResult> RunAsync(ExportJob job, CancellationToken cancellationToken)
    {
        var output = Path.GetFullPath(job.Output);
        var checkpointPath = job.Checkpoint is null ? null : Path.GetFullPath(job.Checkpoint);
        if (checkpointPath == output)
        {
            throw new ExportSetupException("--checkpoint and --output name the same file.");
        }

        var checkpoint = checkpointPath is null ? null : ExportCheckpoint.Load(checkpointPath);
        checkpoint?.EnsureFor(job.Provider, job.Format, source.Target, output, checkpointPath!);
        if (checkpoint is { Complete: true })
        {
            return new(checkpoint.Rows, checkpoint.Rows, WasComplete: true);
        }

        await using var file = Open(output, checkpoint);
        var rows = checkpoint?.Rows ?? 0;
        var position = checkpoint?.Position;
        if (position is null)
        {
            writer.WriteStart(file);
            position = source.Begin();
            Commit(position, rows);
        }

        progress.Show(rows);
        while (position is not null)
        {
            var page = await source.ReadAsync(position, cancellationToken);
            foreach (var row in page.Rows)
            {
                writer.Write(file, row);
            }

            rows += page.Rows.Count;
            position = page.Next;
            Commit(position, rows);
            progress.Show(rows);
        }

        progress.Done(rows);
        return new(rows, checkpoint?.Rows ?? 0, WasComplete: false);

        void Commit(ExportPosition? next, long written)
        {
            file.Flush(flushToDisk: true);
            if (checkpointPath is not null)
            {
                new ExportCheckpoint(ExportCheckpoint.CurrentVersion, job.Provider, job.Format, source.Target, output, next, written, file.Length)
                    .Save(checkpointPath);
            }
        }
    }

    /// <summary>A new file, or the checkpoint's file cut back to the length the checkpoint records.</summary>
    private static FileStream Open(string output, ExportCheckpoint? checkpoint)
    {
        if (checkpoint is null)
        {
            return new FileStream(output, FileMode.Create, FileAccess.Write, FileShare.Read, bufferSize: 64 * 1024);
        }

        FileStream file;
        try
        {
            file = new FileStream(output, FileMode.Open, FileAccess.Write, FileShare.Read, bufferSize: 64 * 1024);
        }
        catch (FileNotFoundException)
        {
            throw new ExportSetupException($"{output} is gone, but the checkpoint records {checkpoint.Rows} rows in it; delete the checkpoint to start over.");
        }

        if (file.Length < checkpoint.OutputBytes)
        {
            file.Dispose();
            throw new ExportSetupException(
                $"{output} is shorter than the checkpoint records ({checkpoint.OutputBytes} bytes): it was changed; delete the checkpoint to start over.");
        }

        file.SetLength(checkpoint.OutputBytes);
        file.Seek(0, SeekOrigin.End);
        return file;
    }
}
