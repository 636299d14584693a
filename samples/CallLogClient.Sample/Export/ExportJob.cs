namespace CallLogClient.Sample.Export;

/// <summary>What the <c>export</c> command was asked to do.</summary>
internal sealed record ExportJob(string Provider, string Format, string Output, string? Checkpoint, int SeedCount)
{
    public const string Pipedrive = "pipedrive";
    public const string Close = "close";
    public const string Csv = "csv";
    public const string JsonLines = "jsonl";
}
