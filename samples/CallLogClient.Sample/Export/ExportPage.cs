namespace CallLogClient.Sample.Export;

/// <summary>One page of rows to write, and where the next page starts (<see langword="null"/> after the last page).</summary>
internal sealed record ExportPage<TRow>(IReadOnlyList<TRow> Rows, ExportPosition? Next);
