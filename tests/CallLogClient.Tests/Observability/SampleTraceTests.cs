using System.Text.RegularExpressions;
using CallLogClient.Testing;
using CallLogClient.Tests.Sample;
using CallLogClient.Tests.Support;

namespace CallLogClient.Tests.Observability;

/// <summary>The sample's <c>--trace</c> switch: the OpenTelemetry console exporter prints the client's spans and metrics.</summary>
public sealed partial class SampleTraceTests
{
    [Fact]
    public async Task With_trace_the_walkthrough_prints_a_span_per_call_with_HttpClients_span_under_it_and_the_metrics()
    {
        var (exitCode, output, errors) = await SampleProcess.RunAsync(["--trace"]);

        Assert.Equal(0, exitCode);
        Assert.Equal("", errors);
        var done = output.IndexOf("Done: every call the run created was deleted again.", StringComparison.Ordinal);
        Assert.InRange(done, 0, output.IndexOf("Metric Name:", StringComparison.Ordinal)); // the metrics come last, when the run ends
        string[] operations =
        [
            "pipedrive.call_logs.create", "pipedrive.call_logs.attach_recording", "pipedrive.call_logs.get", "pipedrive.call_logs.list",
            "pipedrive.call_logs.delete", "close.call_activities.create", "close.call_activities.get", "close.call_activities.update",
            "close.call_activities.list", "close.call_activities.delete",
        ];
        Assert.All(operations, name => Assert.Contains($"Activity.DisplayName:        {name}\n", output, StringComparison.Ordinal));

        // Every span of the client has HttpClient's span of its attempt for a child.
        var spans = output.Split("Activity.TraceId:").Skip(1)
            .Select(block => (Id: SpanId().Match(block).Groups[1].Value, Parent: ParentSpanId().Match(block).Groups[1].Value, Source: Source().Match(block).Groups[1].Value))
            .ToList();
        var callSpans = spans.Where(s => s.Source == "CallLogClient").ToList();
        Assert.True(callSpans.Count >= operations.Length, $"{callSpans.Count} client spans");
        Assert.All(callSpans, call => Assert.Contains(spans, http => http.Source == "System.Net.Http" && http.Parent == call.Id));

        Assert.Contains("Metric Name: calllogclient.call.duration, Description: ", output, StringComparison.Ordinal);
        Assert.Contains("Metric Name: calllogclient.pages, ", output, StringComparison.Ordinal);
        var defaults = new CallLogEmulatorOptions();
        var exported = string.Join('\n', output.Split('\n').Where(line => !line.Contains('│', StringComparison.Ordinal))); // not the sample's own report
        SecretScan.AssertAbsent(
            [("the exporter's output", exported)],
            [defaults.PipedriveApiToken, defaults.CloseApiKey, "+16505551234", "+15555550100", "16505551234", "15555550100", "Logged by the CallLogClient sample"]);
    }

    [GeneratedRegex(@"Activity\.SpanId:\s+(\w+)")]
    private static partial Regex SpanId();

    [GeneratedRegex(@"Activity\.ParentSpanId:\s+(\w+)")]
    private static partial Regex ParentSpanId();

    [GeneratedRegex(@"Instrumentation scope \(ActivitySource\):\n\s+Name: (\S+)")]
    private static partial Regex Source();
}
