namespace CallLogClient.Sample.Export;

/// <summary>A provider's list, read one page at a time from a position a checkpoint can hold.</summary>
internal interface IExportSource<TRow>
{
    /// <summary>The account the rows come from (the API's base address); a checkpoint resumes only against it.</summary>
    string Target { get; }

    /// <summary>The position of the first page.</summary>
    ExportPosition Begin();

    Task<ExportPage<TRow>> ReadAsync(ExportPosition position, CancellationToken cancellationToken);
}
