namespace CallLogClient.Sample.Export;

/// <summary>How an export ended: the rows the output holds, how many an earlier run had written, and whether that run had already finished.</summary>
internal sealed record ExportResult(long Rows, long ResumedAfter, bool WasComplete);
