using System.Diagnostics;
using System.Diagnostics.Metrics;
using CallLogClient.Calls;
using CallLogClient.Close;
using CallLogClient.Diagnostics;
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
/// found after an unknown outcome, failed, cancelled), in constants and counts only.
/// </summary>
public sealed class WriterTelemetryTests : EmulatorTest
{
    [Theory]
    [InlineData(CallLogProvider.Pipedrive)]
    [InlineData(CallLogProvider.Close)]
    public async Task A_write_once_is_one_internal_span_over_its_create_and_lookup_spans_with_what_happened(CallLogProvider provider)
    {
        FaultsOf(provider).FailNext(Fault.InternalErrorAfterProcessing);
        var writer = WriterFor(provider);
        using var trace = new TraceCapture();

        var result = await writer.LogCallOnceAsync(ExactlyOnceTests.Record(provider), "call-0042");

        Assert.Equal(CallLogStatus.AlreadyExisted, result.Status);
        var span = Assert.Single(trace.CallSpans, s => s.OperationName == "calllogclient.writer.log_call_once");
        Assert.Equal(ActivityKind.Internal, span.Kind);
        Assert.Equal(trace.Root.SpanId, span.ParentSpanId);
        Assert.Equal(ActivityStatusCode.Unset, span.Status);
        Assert.Equal(
            [
                ("calllogclient.provider", (object?)CallTelemetry.ProviderName(provider)),
                ("calllogclient.operation", "log_call_once"),
                ("calllogclient.create_attempts", 1),
                ("calllogclient.outcome_unknown", false),
                ("calllogclient.call_log.status", "already_existed"),
                ("calllogclient.fields_not_stored", result.NotStored.Count),
            ],
            span.TagObjects.Select(tag => (tag.Key, tag.Value)));
        Assert.Equal(
            ["calllogclient.writer.create_outcome_unknown calllogclient.create.attempt=1", "calllogclient.writer.lookup calllogclient.lookup.found=True"],
            span.Events.Select(Describe));

        var calls = trace.CallSpans.Where(s => s != span).ToList();
        Assert.Single(calls, s => s.OperationName.EndsWith(".create", StringComparison.Ordinal));
        Assert.Single(calls, s => s.OperationName.EndsWith(".list", StringComparison.Ordinal));
        Assert.All(calls, s => Assert.Equal(span.SpanId, s.ParentSpanId)); // the create, the lookup and any completion nest under it
        Assert.DoesNotContain(trace.Texts(), text => text.Text.Contains("call-0042", StringComparison.Ordinal) || text.Text.Contains("5555550100", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_write_that_ends_unknown_is_an_error_span_naming_the_exception()
    {
        FaultsOf(CallLogProvider.Pipedrive).FailNext(Fault.InternalErrorAfterProcessing);
        var writer = WriterFor(CallLogProvider.Pipedrive);
        using var trace = new TraceCapture();

        await Assert.ThrowsAsync<CallLogOutcomeUnknownException>(() => writer.LogCallAsync(ExactlyOnceTests.Record(CallLogProvider.Pipedrive)));

        var span = Assert.Single(trace.CallSpans, s => s.OperationName == "calllogclient.writer.log_call");
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal(typeof(CallLogOutcomeUnknownException).FullName, span.GetTagItem("error.type"));
        Assert.Equal(true, span.GetTagItem("calllogclient.outcome_unknown"));
        Assert.Equal(1, span.GetTagItem("calllogclient.create_attempts"));
        Assert.Null(span.GetTagItem("calllogclient.call_log.status"));
        Assert.Equal(["calllogclient.writer.create_outcome_unknown calllogclient.create.attempt=1"], span.Events.Select(Describe));
    }

    [Theory]
    [InlineData(CallLogProvider.Pipedrive)]
    [InlineData(CallLogProvider.Close)]
    public async Task The_writer_over_a_containers_client_records_each_write_on_the_containers_meter_with_its_duration(CallLogProvider provider)
    {
        var clock = new SecondPerReading();
        await using var container = Container(provider, clock);
        using var durations = new MetricCollector<double>(
            container.GetRequiredService<IMeterFactory>(), "CallLogClient", "calllogclient.writer.duration");
        var writer = container.GetRequiredService<ICallLogWriter>();

        await writer.LogCallOnceAsync(ExactlyOnceTests.Record(provider), "call-0001");
        await writer.LogCallOnceAsync(ExactlyOnceTests.Record(provider), "call-0001");
        await writer.LogCallAsync(ExactlyOnceTests.Record(provider, minute: 2));
        FaultsOf(provider).FailNext(Fault.InternalErrorAfterProcessing);
        await Assert.ThrowsAsync<CallLogOutcomeUnknownException>(() => writer.LogCallAsync(ExactlyOnceTests.Record(provider, minute: 5)));
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => writer.LogCallAsync(ExactlyOnceTests.Record(provider, minute: 9), cancelled.Token));

        var name = CallTelemetry.ProviderName(provider);
        Assert.Equal("s", durations.Instrument!.Unit);
        Assert.Equal(
            [
                $"1 calllogclient.call_log.status=created_after_lookup calllogclient.operation=log_call_once calllogclient.outcome=success calllogclient.provider={name}",
                $"1 calllogclient.call_log.status=already_existed calllogclient.operation=log_call_once calllogclient.outcome=success calllogclient.provider={name}",
                $"1 calllogclient.call_log.status=created calllogclient.operation=log_call calllogclient.outcome=success calllogclient.provider={name}",
                $"1 calllogclient.operation=log_call calllogclient.outcome=outcome_unknown calllogclient.provider={name} error.type={typeof(CallLogOutcomeUnknownException).FullName}",
                $"1 calllogclient.operation=log_call calllogclient.outcome=cancelled calllogclient.provider={name} error.type={typeof(OperationCanceledException).FullName}",
            ],
            durations.GetMeasurementSnapshot().Select(m =>
                $"{m.Value} {string.Join(' ', m.Tags.OrderBy(tag => tag.Key, StringComparer.Ordinal).Select(tag => $"{tag.Key}={tag.Value}"))}"));
    }

    private ServiceProvider Container(CallLogProvider provider, TimeProvider writerClock)
    {
        var services = new ServiceCollection();
        services.AddPipedriveCallLogs(o =>
        {
            o.Credential = PipedriveCredential.FromApiToken(Emulator.PipedriveApiToken);
            o.BaseAddress = Emulator.PipedriveBaseAddress;
            o.PagesInFlight = 1;
        });
        services.AddCloseCallActivities(o =>
        {
            o.Credential = CloseCredential.FromApiKey(Emulator.CloseApiKey);
            o.BaseAddress = Emulator.CloseBaseAddress;
            o.PagesInFlight = 1;
        });
        services.AddCallLogWriter(o =>
        {
            o.Provider = provider;
            o.LookUpBeforeCreate = true;
            o.TimeProvider = writerClock;
        });
        return services.BuildServiceProvider();
    }

    private static string Describe(ActivityEvent e) => $"{e.Name} {string.Join(' ', e.Tags.Select(tag => $"{tag.Key}={tag.Value}"))}";

    /// <summary>The system's wall clock, with a timestamp that moves one second each time it is read: a write measures 1 s.</summary>
    private sealed class SecondPerReading : TimeProvider
    {
        private long now;

        public override long GetTimestamp() => Interlocked.Add(ref now, TimestampFrequency);
    }
}
