using System.Text.Json;

namespace CallLogClient.Sample.Export;

/// <summary>
/// How far an export got, saved after each page once its rows are flushed: where the provider's list continues
/// (<see cref="Position"/>, <see langword="null"/> once complete), how many rows the output holds and its length in
/// bytes at that page boundary. A restart truncates the output to <see cref="OutputBytes"/> and reads on from
/// <see cref="Position"/>, so rows written after the last save are written again, once.
/// </summary>
internal sealed record ExportCheckpoint(
    int Version, string Provider, string Format, string Target, string Output, ExportPosition? Position, long Rows, long OutputBytes)
{
    public const int CurrentVersion = 1;

    public bool Complete => Position is null;

    /// <summary>The checkpoint at <paramref name="path"/>, or <see langword="null"/> when there is none yet.</summary>
    public static ExportCheckpoint? Load(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        ExportCheckpoint? checkpoint;
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            checkpoint = JsonSerializer.Deserialize(stream, ExportJsonContext.Default.ExportCheckpoint);
        }
        catch (JsonException)
        {
            checkpoint = null;
        }

        return checkpoint is { Version: CurrentVersion, Provider: not null, Format: not null, Target: not null, Output: not null, Rows: >= 0, OutputBytes: >= 0 }
            && checkpoint.Position is null or { Offset: >= 0, LastPageIds: not null }
            ? checkpoint
            : throw new ExportSetupException($"{path} is not a checkpoint this export wrote; delete it to start over.");
    }

    /// <summary>Refuses to resume an export other than the one this checkpoint records.</summary>
    public void EnsureFor(string provider, string format, string target, string output, string path)
    {
        var problem =
            provider != Provider ? $"it records a {Provider} export, not {provider}"
            : format != Format ? $"it records a {Format} export, not {format}"
            : target != Target ? $"it records an export from {Target}, not {target}"
            : output != Output ? $"it records an export to {Output}"
            : null;
        if (problem is not null)
        {
            throw new ExportSetupException($"The checkpoint {path} does not fit this export: {problem}. Use another checkpoint file or delete it.");
        }
    }

    /// <summary>Writes the checkpoint atomically: a temporary file, flushed to disk, then renamed over the old one.</summary>
    public void Save(string path)
    {
        var temporary = path + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            JsonSerializer.Serialize(stream, this, ExportJsonContext.Default.ExportCheckpoint);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: true);
    }
}
