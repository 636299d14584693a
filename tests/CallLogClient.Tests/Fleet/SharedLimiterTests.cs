using System.Threading.RateLimiting;
using CallLogClient.RateLimiting;
using CallLogClient.Tests.Support;
using CallLogClient.Tests.WireMock;
using WireMock.RequestBuilders;
using static CallLogClient.Tests.Resilience.PipedriveStubs;
using static CallLogClient.Tests.WireMock.Answers;

namespace CallLogClient.Tests.Fleet;

/// <summary>A request budget over a limiter of the caller's: permits are the call's cost, refusals are waited out.</summary>
public sealed class SharedLimiterTests(WireMockFixture wireMock) : WireTest(wireMock)
{
    /// <summary>Refuses the first <paramref name="refusals"/> acquisitions (with a retry-after hint when given), then grants.</summary>
    private sealed class ScriptedLimiter(int refusals, object? retryAfter) : RateLimiter
    {
        private int asked;

        public List<int> PermitsAsked { get; } = [];

        public bool Disposed { get; private set; }

        public override TimeSpan? IdleDuration => null;

        public override RateLimiterStatistics? GetStatistics() => null;

        protected override RateLimitLease AttemptAcquireCore(int permitCount) => throw new NotSupportedException();

        protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
        {
            lock (PermitsAsked)
            {
                PermitsAsked.Add(permitCount);
            }

            return ValueTask.FromResult<RateLimitLease>(Interlocked.Increment(ref asked) > refusals ? new Lease(true, null) : new Lease(false, retryAfter));
        }

        protected override void Dispose(bool disposing)
        {
            Disposed = true;
            base.Dispose(disposing);
        }

        private sealed class Lease(bool acquired, object? retryAfter) : RateLimitLease
        {
            public override bool IsAcquired => acquired;

            public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

            public override bool TryGetMetadata(string metadataName, out object? metadata)
            {
                metadata = retryAfter;
                return retryAfter is not null && metadataName == MetadataName.RetryAfter.Name;
            }
        }
    }

    /// <summary>Waits (in real time, bounded) until the budget has scheduled its next wait on the manual clock.</summary>
    private async Task WaitForTimerAsync()
    {
        using var guard = new CancellationTokenSource(ClockDriver.HangGuard);
        while (Clock.NextOneShotWithin(TimeSpan.MaxValue) is null)
        {
            await Task.Delay(5, guard.Token);
        }
    }

    [Fact]
    public async Task A_refusal_is_waited_out_for_the_limiters_retry_after_and_asked_again_for_the_same_cost()
    {
        var limiter = new ScriptedLimiter(refusals: 2, retryAfter: TimeSpan.FromMilliseconds(300));
        using var budget = new ClientBudget(new RequestBudget { Tokens = 20, Window = TimeSpan.FromSeconds(2), Limiter = limiter }, Clock);

        var spend = budget.SpendAsync(10, CancellationToken.None).AsTask();
        Assert.False(spend.IsCompleted);
        Assert.Equal(TimeSpan.FromMilliseconds(300), Clock.NextOneShotWithin(TimeSpan.MaxValue));
        Clock.Advance(TimeSpan.FromMilliseconds(300));
        await WaitForTimerAsync();
        Assert.False(spend.IsCompleted);
        Clock.Advance(TimeSpan.FromMilliseconds(300));
        await spend.WaitAsync(ClockDriver.HangGuard);

        Assert.Equal([10, 10, 10], limiter.PermitsAsked);
    }

    [Fact]
    public async Task A_hint_in_whole_seconds_is_read_as_seconds()
    {
        var limiter = new ScriptedLimiter(refusals: 1, retryAfter: 1); // RedisRateLimiting's fixed window puts an int there
        using var budget = new ClientBudget(new RequestBudget { Tokens = 20, Window = TimeSpan.FromSeconds(2), Limiter = limiter }, Clock);

        var spend = budget.SpendAsync(2, CancellationToken.None).AsTask();

        Assert.Equal(TimeSpan.FromSeconds(1), Clock.NextOneShotWithin(TimeSpan.MaxValue));
        Clock.Advance(TimeSpan.FromSeconds(1));
        await spend.WaitAsync(ClockDriver.HangGuard);
    }

    [Fact]
    public async Task Without_a_hint_a_refusal_waits_a_tenth_of_the_window()
    {
        var limiter = new ScriptedLimiter(refusals: 1, retryAfter: null);
        using var budget = new ClientBudget(new RequestBudget { Tokens = 20, Window = TimeSpan.FromSeconds(2), Limiter = limiter }, Clock);

        var spend = budget.SpendAsync(2, CancellationToken.None).AsTask();

        Assert.Equal(TimeSpan.FromMilliseconds(200), Clock.NextOneShotWithin(TimeSpan.MaxValue));
        Clock.Advance(TimeSpan.FromMilliseconds(200));
        await spend.WaitAsync(ClockDriver.HangGuard);
        Assert.Equal([2, 2], limiter.PermitsAsked);
    }

    [Fact]
    public async Task A_cost_above_Tokens_asks_the_limiter_for_Tokens_and_a_cancelled_wait_ends_the_spend()
    {
        var limiter = new ScriptedLimiter(refusals: int.MaxValue, retryAfter: TimeSpan.FromSeconds(1));
        using var budget = new ClientBudget(new RequestBudget { Tokens = 8, Window = TimeSpan.FromSeconds(2), Limiter = limiter }, Clock);
        using var cancel = new CancellationTokenSource();

        var spend = budget.SpendAsync(20, cancel.Token).AsTask();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => spend.WaitAsync(ClockDriver.HangGuard));
        Assert.Equal([8], limiter.PermitsAsked);
    }

    [Fact]
    public async Task Two_clients_given_one_limiter_spend_from_one_budget_and_neither_disposes_it()
    {
        Server.Given(Request.Create().UsingGet().WithPath(new global::WireMock.Matchers.WildcardMatcher("/v1/callLogs/*"))).RespondWith(Json(200, CallLogBody("1")));
        var limiter = new ConcurrencyLimiter(new ConcurrencyLimiterOptions { PermitLimit = 4, QueueLimit = 10 });
        var first = Pipedrive(o => o.RequestBudget = new RequestBudget { Tokens = 4, Window = TimeSpan.FromHours(1), Limiter = limiter });
        var second = Pipedrive(o => o.RequestBudget = new RequestBudget { Tokens = 4, Window = TimeSpan.FromHours(1), Limiter = limiter });

        await first.GetAsync("1");
        await second.GetAsync("2");
        var third = first.GetAsync("3");

        Assert.False(third.IsCompleted); // the two gets spent the 4 tokens the clients share
        Assert.Equal(2, Server.Requests().Count);
        second.Dispose(); // a client that goes away gives its held permits back to a limiter that outlives it
        await third.WaitAsync(ClockDriver.HangGuard);
        Assert.Equal(3, Server.Requests().Count);
        first.Dispose();
        Assert.Equal(4, limiter.GetStatistics()!.CurrentAvailablePermits);
        using var lease = limiter.AttemptAcquire(4); // not disposed: still grants
        Assert.True(lease.IsAcquired);
        limiter.Dispose();
    }
}
