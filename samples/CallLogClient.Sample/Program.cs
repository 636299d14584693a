using System.CommandLine;
using CallLogClient.Sample;
using CallLogClient.Sample.Export;

// The sample as a small command line. No arguments (or `run`): the whole life of a call log on both providers.
// `export`: every call log of one provider to CSV or JSON Lines, resumable from a checkpoint file after an interruption.
// `--trace` (with either): the client's spans and metrics, printed by the OpenTelemetry console exporter.
var root = new RootCommand("The CallLogClient sample: a call log's whole life on Pipedrive and Close, or an export of every call log.")
{
    WalkthroughCommand.Create(),
    ExportCommand.Create(),
    SampleTracing.Option,
};
root.SetAction((parse, cancellationToken) => WalkthroughCommand.RunAsync(parse, cancellationToken));

var parsed = root.Parse(args);
if (parsed.Errors is [var first, ..])
{
    Console.Error.WriteLine($"error: {first.Message}");
    return 2;
}

return await parsed.InvokeAsync();
