using System.Reflection;
using CallLogClient.Pipedrive;
using CallLogClient.RateLimiting;
using CallLogClient.Tests.Support;

namespace CallLogClient.Tests.Resilience;

/// <summary>The budget's own rules, on a manual clock.</summary>
public sealed class ClientBudgetTests
{
    private readonly ManualTimeProvider clock = new();

    [Fact]
    public async Task Tokens_come_back_exactly_one_window_after_they_were_spent()
    {
        using var budget = new ClientBudget(new RequestBudget { Tokens = 10, Window = TimeSpan.FromSeconds(2) }, clock);

        await budget.SpendAsync(6, CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(1));
        await budget.SpendAsync(4, CancellationToken.None);
        Assert.Equal(0, budget.GetStatistics()!.CurrentAvailablePermits);

        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(6, budget.GetStatistics()!.CurrentAvailablePermits);
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(10, budget.GetStatistics()!.CurrentAvailablePermits);
    }

    [Fact]
    public async Task A_call_costing_more_than_the_budget_spends_the_whole_budget()
    {
        using var budget = new ClientBudget(new RequestBudget { Tokens = 5, Window = TimeSpan.FromSeconds(2) }, clock);

        await budget.SpendAsync(20, CancellationToken.None);

        Assert.Equal(0, budget.GetStatistics()!.CurrentAvailablePermits);
    }

    [Fact]
    public async Task Waiters_are_served_in_arrival_order()
    {
        using var budget = new ClientBudget(new RequestBudget { Tokens = 20, Window = TimeSpan.FromSeconds(2) }, clock);
        await budget.SpendAsync(20, CancellationToken.None);

        var big = budget.SpendAsync(20, CancellationToken.None).AsTask();
        var small = budget.SpendAsync(2, CancellationToken.None).AsTask();
        clock.Advance(TimeSpan.FromSeconds(2));

        await big.WaitAsync(ClockDriver.HangGuard);
        Assert.False(small.IsCompleted);
        Assert.Equal(2, budget.GetStatistics()!.CurrentQueuedCount);
    }

    [Fact]
    public async Task Disposing_the_budget_fails_its_waiters()
    {
        var budget = new ClientBudget(new RequestBudget { Tokens = 1, Window = TimeSpan.FromSeconds(2) }, clock);
        await budget.SpendAsync(1, CancellationToken.None);
        var waiting = budget.SpendAsync(1, CancellationToken.None).AsTask();

        budget.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => waiting.WaitAsync(ClockDriver.HangGuard));
    }

    [Fact]
    public async Task Disposing_the_budget_cancels_the_timers_that_would_give_tokens_back()
    {
        var budget = new ClientBudget(new RequestBudget { Tokens = 10, Window = TimeSpan.FromSeconds(2) }, clock);
        await budget.SpendAsync(3, CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(1));
        await budget.SpendAsync(3, CancellationToken.None);
        Assert.Equal(TimeSpan.FromSeconds(1), clock.NextOneShotWithin(TimeSpan.MaxValue));

        budget.Dispose();

        Assert.Null(clock.NextOneShotWithin(TimeSpan.MaxValue));
        clock.Advance(TimeSpan.FromSeconds(5)); // nothing left to fire into the disposed limiter
    }

    [Fact]
    public async Task A_spend_after_the_budget_was_disposed_fails_at_once()
    {
        var budget = new ClientBudget(new RequestBudget { Tokens = 10, Window = TimeSpan.FromSeconds(2) }, clock);
        budget.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => budget.SpendAsync(1, CancellationToken.None).AsTask().WaitAsync(ClockDriver.HangGuard));
        Assert.Null(clock.NextOneShotWithin(TimeSpan.MaxValue));
    }

    /// <summary>
    /// A waiter granted its tokens just as the budget is disposed (the give-back timer fired, its continuation has not
    /// yet run) ends without error and leaves no timer behind. The test holds the budget's own lock, as the give-back
    /// and the dispose both do, so that the waiter's continuation cannot run between the two.
    /// </summary>
    [Fact]
    public async Task A_waiter_granted_its_tokens_as_the_budget_is_disposed_ends_cleanly_and_leaves_no_timer()
    {
        var budget = new ClientBudget(new RequestBudget { Tokens = 1, Window = TimeSpan.FromSeconds(2) }, clock);
        await budget.SpendAsync(1, CancellationToken.None);
        var waiting = budget.SpendAsync(1, CancellationToken.None).AsTask();
        var gate = typeof(ClientBudget).GetField("pendingReturns", BindingFlags.NonPublic | BindingFlags.Instance)!.GetValue(budget)!;

        lock (gate)
        {
            clock.Advance(TimeSpan.FromSeconds(2)); // gives the first token back, which grants it to the waiter
            budget.Dispose();
        }

        await waiting.WaitAsync(ClockDriver.HangGuard);
        Assert.Null(clock.NextOneShotWithin(TimeSpan.MaxValue));
    }

    [Theory]
    [InlineData(0, 2.0, "RequestBudget.Tokens")]
    [InlineData(-1, 2.0, "RequestBudget.Tokens")]
    [InlineData(10, 0.0, "RequestBudget.Window")]
    public void An_invalid_budget_is_refused_when_the_client_is_built(int tokens, double windowSeconds, string parameter)
    {
        var options = new PipedriveClientOptions
        {
            Credential = PipedriveCredential.FromApiToken(TestSecrets.PipedriveApiToken),
            RequestBudget = new RequestBudget { Tokens = tokens, Window = TimeSpan.FromSeconds(windowSeconds) },
        };

        var error = Assert.ThrowsAny<ArgumentException>(() => new PipedriveCallLogsClient(options));

        Assert.Equal(parameter, error.ParamName);
    }
}
