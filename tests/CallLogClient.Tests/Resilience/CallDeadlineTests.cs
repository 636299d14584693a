using CallLogClient.Errors;
using CallLogClient.Http;
using CallLogClient.Tests.Support;
using CallLogClient.Tests.WireMock;
using static CallLogClient.Tests.Resilience.PipedriveStubs;

namespace CallLogClient.Tests.Resilience;

/// <summary>
/// The call's overall deadline and each attempt's are cancellation sources of their own (kept for later on the system
/// clock), not Polly strategies: on the system clock they still end a stalled call or attempt, a source that fired never
/// comes back, and the client's next call runs with a fresh deadline.
/// </summary>
public sealed class CallDeadlineTests(WireMockFixture wireMock) : WireTest(wireMock)
{
    [Fact]
    public async Task On_the_system_clock_the_overall_timeout_ends_a_stalled_call_and_the_next_call_has_a_fresh_deadline()
    {
        var host = FaultHost(RawAnswers.Stall(), RawAnswers.Json(200, CallLogBody("5")));
        var client = PipedriveAt(host, o =>
        {
            o.TimeProvider = TimeProvider.System;
            o.Retry.MaxRetries = 0;
            o.Retry.OverallTimeout = TimeSpan.FromSeconds(1);
        });

        var error = await Output.ThrowsAsync<CallLogTransportException>(client.GetAsync("4"));
        var next = await client.GetAsync("5");

        Assert.Equal("the call did not complete within its overall timeout (1 s)", error.ErrorMessage);
        Assert.Equal("5", next.Id);
        Assert.Equal(2, host.Requests.Count);
    }

    [Fact]
    public async Task On_the_system_clock_an_attempt_that_stalls_times_out_and_a_read_is_sent_again()
    {
        var host = FaultHost(RawAnswers.Stall(), RawAnswers.Json(200, CallLogBody("6")));
        var client = PipedriveAt(host, o =>
        {
            o.TimeProvider = TimeProvider.System;
            o.Retry.MaxRetries = 1;
            o.Retry.BaseDelay = TimeSpan.FromMilliseconds(10);
            o.Retry.AttemptTimeout = TimeSpan.FromSeconds(1);
        });

        var response = await client.GetWithResponseAsync("6");

        Assert.Equal("6", response.Value.Id);
        Assert.Equal(2, response.Attempts);
        Assert.Equal(2, host.Requests.Count);
        Assert.Contains(Output.Logs, log => log.Message.Contains("no response within 1 s", StringComparison.Ordinal));
    }

    [Fact]
    public void A_source_whose_deadline_fired_or_was_cancelled_is_disposed_not_kept()
    {
        var fired = DeadlineSources.Start(TimeSpan.FromHours(1), TimeProvider.System);
        fired.Cancel();

        DeadlineSources.Return(fired, TimeProvider.System);

        Assert.Throws<ObjectDisposedException>(() => fired.Token);
    }

    [Fact]
    public void A_source_returned_in_time_is_reset_for_a_later_call()
    {
        var source = DeadlineSources.Start(TimeSpan.FromMilliseconds(10), TimeProvider.System);

        DeadlineSources.Return(source, TimeProvider.System);
        Thread.Sleep(50); // past the first deadline: a timer left running would cancel the kept source

        Assert.False(source.Token.IsCancellationRequested);
    }

    [Fact]
    public void On_another_clock_each_call_gets_a_source_that_runs_on_that_clock()
    {
        var clock = new ManualTimeProvider();
        var first = DeadlineSources.Start(TimeSpan.FromMinutes(1), clock);
        var second = DeadlineSources.Start(TimeSpan.FromMinutes(2), clock);

        clock.Advance(TimeSpan.FromMinutes(1));

        Assert.NotSame(first, second);
        Assert.True(first.IsCancellationRequested);
        Assert.False(second.IsCancellationRequested);
        DeadlineSources.Return(first, clock);
        DeadlineSources.Return(second, clock);
        Assert.Throws<ObjectDisposedException>(() => second.Token);
    }
}
