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

        // Every call span of the client has HttpClient's span of its attempt for a child; every writer span has call spans.
        var spans = output.Split("Activity.TraceId:").Skip(1)
            .Select(block => (
                Id: SpanId().Match(block).Groups[1].Value,
                Parent: ParentSpanId().Match(block).Groups[1].Value,
                Source: Source().Match(block).Groups[1].Value,
                Name: DisplayName().Match(block).Groups[1].Value))
            .ToList();
        var writerSpans = spans.Where(s => s.Name == "calllogclient.writer.log_call_once").ToList();
        var callSpans = spans.Where(s => s.Source == "CallLogClient").Except(writerSpans).ToList();
        Assert.True(callSpans.Count >= operations.Length, $"{callSpans.Count} client spans");
        Assert.All(callSpans, call => Assert.Contains(spans, http => http.Source == "System.Net.Http" && http.Parent == call.Id));
        Assert.Equal(4, writerSpans.Count); // each provider: the call logged once, then the same call key again
        Assert.All(writerSpans, writer => Assert.Contains(callSpans, call => call.Parent == writer.Id && call.Name.EndsWith(".list", StringComparison.Ordinal)));

        Assert.Contains("Metric Name: calllogclient.call.duration, Description: ", output, StringComparison.Ordinal);
        Assert.Contains("Metric Name: calllogclient.pages, ", output, StringComparison.Ordinal);
        Assert.Contains("Metric Name: calllogclient.writer.duration, ", output, StringComparison.Ordinal);
        var defaults = new CallLogEmulatorOptions();
        var exported = string.Join('\n', output.Split('\n').Where(line => !line.Contains('│', StringComparison.Ordinal))); // not the sample's own report
        SecretScan.AssertAbsent(
            [("the exporter's output", exported)],
            [defaults.PipedriveApiToken, defaults.CloseApiKey, "+16505551234", "+15555550100", "16505551234", "15555550100", "+15555550123",
                "15555550123", "Logged by the CallLogClient sample", "Logged once by the CallLogClient sample", "sample-"]);
    }

    [GeneratedRegex(@"Activity\.SpanId:\s+(\w+)")]
    private static partial Regex SpanId();

    [GeneratedRegex(@"Activity\.ParentSpanId:\s+(\w+)")]
    private static partial Regex ParentSpanId();

    [GeneratedRegex(@"Activity\.DisplayName:\s+(\S+)")]
    private static partial Regex DisplayName();

    [GeneratedRegex(@"Instrumentation scope \(ActivitySource\):\n\s+Name: (\S+)")]
    private static partial Regex Source();
}
