using System.Diagnostics;
using CallLogClient.Calls;
using CallLogClient.Close;
using CallLogClient.Errors;
using CallLogClient.Pipedrive;
using CallLogClient.Testing;
using CallLogClient.Tests.Calls;
using CallLogClient.Tests.Emulator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace CallLogClient.Tests.Observability;

/// <summary>
/// The call log writer's own span, over the clients' call spans, and its duration metric: what a write did (created,
/// found after an unknown outcome, failed), in constants and counts only.
/// </summary>
public sealed class WriterTelemetryTests : EmulatorTest
{
    [Theory]
    [InlineData(CallLogProvider.Pipedrive)]
    [InlineData(CallLogProvider.Close)]
    public async Task A_write_once_is_one_internal_span_over_its_create_and_lookup_spans_with_what_happened(CallLogProvider provider)
    {
        Faults(provider).FailNext(Fault.InternalErrorAfterProcessing);
        var writer = Writer(provider);
        using var trace = new TraceCapture();

        var result = await writer.LogCallOnceAsync(ExactlyOnceTests.Record(provider), "call-0042");

        Assert.Equal(CallLogStatus.AlreadyExisted, result.Status);
        var span = Assert.Single(trace.CallSpans, s => s.OperationName == "calllogclient.writer.log_call_once");
        Assert.Equal(ActivityKind.Internal, span.Kind);
        Assert.Equal(trace.Root.SpanId, span.ParentSpanId);
        Assert.Equal(ActivityStatusCode.Unset, span.Status);
        Assert.Equal(
            [
                ("calllogclient.provider", (object?)CallTelemetryName(provider)),
                ("calllogclient.operation", "log_call_once"),
                ("calllogclient.create_attempts", 1),
                ("calllogclient.call_log.status", "already_existed"),
                ("calllogclient.fields_not_stored", result.NotStored.Count),
            ],
            span.TagObjects.Select(tag => (tag.Key, tag.Value)));
        Assert.Equal(
            ["calllogclient.writer.create_outcome_unknown calllogclient.create.attempt=1", "calllogclient.writer.lookup calllogclient.lookup.found=True"],
            span.Events.Select(e => $"{e.Name} {string.Join(' ', e.Tags.Select(tag => $"{tag.Key}={tag.Value}"))}"));

        var calls = trace.CallSpans.Where(s => s != span).ToList();
        Assert.Equal(2, calls.Count(s => s.OperationName.EndsWith(".create", StringComparison.Ordinal) || s.OperationName.EndsWith(".list", StringComparison.Ordinal)));
        Assert.Contains(calls, s => s.OperationName.EndsWith(".create", StringComparison.Ordinal));
        Assert.All(calls, s => Assert.Equal(span.SpanId, s.ParentSpanId)); // the create, the lookup and any completion nest under it
        Assert.DoesNotContain(trace.Texts(), text => text.Text.Contains("call-0042", StringComparison.Ordinal) || text.Text.Contains("5555550100", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_write_that_ends_unknown_is_an_error_span_naming_the_exception()
    {
        Emulator.Pipedrive.Misbehaviour.FailNext(Fault.InternalErrorAfterProcessing);
        var writer = Writer(CallLogProvider.Pipedrive);
        using var trace = new TraceCapture();

        await Assert.ThrowsAsync<CallLogOutcomeUnknownException>(() => writer.LogCallAsync(ExactlyOnceTests.Record(CallLogProvider.Pipedrive)));

        var span = Assert.Single(trace.CallSpans, s => s.OperationName == "calllogclient.writer.log_call");
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal(typeof(CallLogOutcomeUnknownException).FullName, span.GetTagItem("error.type"));
        Assert.Equal(1, span.GetTagItem("calllogclient.create_attempts"));
        Assert.Null(span.GetTagItem("calllogclient.call_log.status"));
        Assert.Empty(span.Events);
    }

    [Fact]
    public async Task The_writer_from_the_container_records_each_write_on_the_containers_meter()
    {
        var services = new ServiceCollection();
        services.AddPipedriveCallLogs(o =>
        {
            o.Credential = PipedriveCredential.FromApiToken(Emulator.PipedriveApiToken);
            o.BaseAddress = Emulator.PipedriveBaseAddress;
            o.PagesInFlight = 1;
        });
        services.AddCallLogWriter(o =>
        {
            o.Provider = CallLogProvider.Pipedrive;
            o.LookUpBeforeCreate = true;
        });
        await using var container = services.BuildServiceProvider();
        using var durations = new MetricCollector<double>(
            container.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), "CallLogClient", "calllogclient.writer.duration");
        var writer = container.GetRequiredService<ICallLogWriter>();

        await writer.LogCallOnceAsync(ExactlyOnceTests.Record(CallLogProvider.Pipedrive), "call-0001");
        await writer.LogCallOnceAsync(ExactlyOnceTests.Record(CallLogProvider.Pipedrive), "call-0001");
        Emulator.Pipedrive.Misbehaviour.FailNext(Fault.InternalErrorAfterProcessing);
        await Assert.ThrowsAsync<CallLogOutcomeUnknownException>(() => writer.LogCallAsync(ExactlyOnceTests.Record(CallLogProvider.Pipedrive, minute: 5)));

        Assert.Equal("s", durations.Instrument!.Unit);
        var measurements = durations.GetMeasurementSnapshot();
        Assert.All(measurements, m => Assert.True(m.Value >= 0));
        Assert.Equal(
            [
                "calllogclient.call_log.status=created_after_lookup calllogclient.operation=log_call_once calllogclient.outcome=success calllogclient.provider=pipedrive",
                "calllogclient.call_log.status=already_existed calllogclient.operation=log_call_once calllogclient.outcome=success calllogclient.provider=pipedrive",
                $"calllogclient.operation=log_call calllogclient.outcome=outcome_unknown calllogclient.provider=pipedrive error.type={typeof(CallLogOutcomeUnknownException).FullName}",
            ],
            measurements.Select(m => string.Join(' ', m.Tags.OrderBy(tag => tag.Key, StringComparer.Ordinal).Select(tag => $"{tag.Key}={tag.Value}"))));
    }

    private static string CallTelemetryName(CallLogProvider provider) => provider == CallLogProvider.Pipedrive ? "pipedrive" : "close";

    private CallLogWriter Writer(CallLogProvider provider) => provider == CallLogProvider.Pipedrive
        ? CallLogWriter.ForPipedrive(Pipedrive(o => o.PagesInFlight = 1))
        : CallLogWriter.ForClose(Close(o => o.PagesInFlight = 1));

    private Misbehaviour Faults(CallLogProvider provider) =>
        provider == CallLogProvider.Pipedrive ? Emulator.Pipedrive.Misbehaviour : Emulator.Close.Misbehaviour;
}
