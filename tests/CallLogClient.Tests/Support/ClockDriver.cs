namespace CallLogClient.Tests.Support;

/// <summary>
/// Runs a call on a <see cref="ManualTimeProvider"/>, advancing the clock through every wait the call schedules within
/// <see cref="Horizon"/> (backoff and server-hinted delays), and never through the longer per-attempt and overall
/// timeouts: a test sees exactly which waits happened, and nothing really sleeps.
/// </summary>
public sealed class ClockDriver(ManualTimeProvider clock)
{
    /// <summary>How long the call may take in real time before the test calls it hung.</summary>
    public static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(30);

    private readonly List<TimeSpan> waits = [];

    /// <summary>The longest wait the driver advances through; set the call's timeouts above it.</summary>
    public TimeSpan Horizon { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>The waits the driver advanced through, in order.</summary>
    public IReadOnlyList<TimeSpan> Waits => waits;

    public async Task<T> RunAsync<T>(Task<T> call)
    {
        await RunAsync((Task)call);
        return await call;
    }

    public async Task RunAsync(Task call)
    {
        while (!call.IsCompleted)
        {
            var changed = clock.WhenTimersChange();
            if (clock.NextOneShotWithin(Horizon) is { } wait)
            {
                waits.Add(wait);
                clock.Advance(wait);
                continue;
            }

            await Task.WhenAny(call, changed).WaitAsync(HangGuard);
        }

        await call;
    }

    /// <summary>Runs the call until it schedules its first wait within the horizon, then returns that wait without advancing.</summary>
    public async Task<TimeSpan> RunUntilWaitingAsync(Task call)
    {
        while (true)
        {
            var changed = clock.WhenTimersChange();
            if (clock.NextOneShotWithin(Horizon) is { } wait)
            {
                return wait;
            }

            if (call.IsCompleted)
            {
                await call;
                throw new InvalidOperationException("The call completed without waiting.");
            }

            await Task.WhenAny(call, changed).WaitAsync(HangGuard);
        }
    }
}
