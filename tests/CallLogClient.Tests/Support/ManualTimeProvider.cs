namespace CallLogClient.Tests.Support;

/// <summary>
/// A clock that moves only when a test says so. Timers fire synchronously inside <see cref="Advance"/>, in due order; a
/// test can wait for a timer to be scheduled and list every one-shot due time ever requested, which FakeTimeProvider
/// (Microsoft.Extensions.TimeProvider.Testing) offers neither of, and <see cref="ClockDriver"/> is built on both.
/// </summary>
public sealed class ManualTimeProvider : TimeProvider
{
    /// <summary>The start of every test's clock: far from any real date, so a real-clock leak shows.</summary>
    public static readonly DateTimeOffset Epoch = new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly Lock gate = new();
    private readonly List<ManualTimer> timers = [];
    private readonly List<TimeSpan> scheduled = [];
    private DateTimeOffset now;
    private TaskCompletionSource changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ManualTimeProvider(DateTimeOffset? start = null) => now = start ?? Epoch;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <summary>Every one-shot due time ever requested, in order: the waits and timeouts the code under test scheduled.</summary>
    public IReadOnlyList<TimeSpan> ScheduledOneShots
    {
        get
        {
            lock (gate)
            {
                return [.. scheduled];
            }
        }
    }

    public override DateTimeOffset GetUtcNow()
    {
        lock (gate)
        {
            return now;
        }
    }

    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ManualTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>Moves the clock forward, firing every timer that falls due on the way.</summary>
    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        DateTimeOffset target;
        lock (gate)
        {
            target = now + by;
        }

        while (true)
        {
            ManualTimer? due;
            lock (gate)
            {
                due = timers.Where(t => t.DueAt <= target).MinBy(t => t.DueAt);
                if (due is null)
                {
                    now = target;
                    break;
                }

                now = due.DueAt;
                if (due.Period > TimeSpan.Zero)
                {
                    due.DueAt += due.Period;
                }
                else
                {
                    timers.Remove(due);
                }
            }

            due.Fire();
        }

        Signal();
    }

    /// <summary>The shortest wait among pending one-shot timers due within <paramref name="horizon"/>; null when none is.</summary>
    public TimeSpan? NextOneShotWithin(TimeSpan horizon)
    {
        lock (gate)
        {
            var next = timers.Where(t => t.Period <= TimeSpan.Zero && t.DueAt - now <= horizon).MinBy(t => t.DueAt);
            return next is null ? null : next.DueAt - now;
        }
    }

    /// <summary>Completes at the next timer change (created, changed, disposed, fired).</summary>
    public Task WhenTimersChange()
    {
        lock (gate)
        {
            return changed.Task;
        }
    }

    private void Schedule(ManualTimer timer, TimeSpan dueTime, TimeSpan period)
    {
        lock (gate)
        {
            timers.Remove(timer);
            if (dueTime != Timeout.InfiniteTimeSpan)
            {
                timer.DueAt = now + dueTime;
                timer.Period = period == Timeout.InfiniteTimeSpan ? TimeSpan.Zero : period;
                timers.Add(timer);
                if (timer.Period == TimeSpan.Zero)
                {
                    scheduled.Add(dueTime);
                }
            }
        }

        Signal();
    }

    private void Remove(ManualTimer timer)
    {
        lock (gate)
        {
            timers.Remove(timer);
        }

        Signal();
    }

    private void Signal()
    {
        TaskCompletionSource old;
        lock (gate)
        {
            old = changed;
            changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        old.TrySetResult();
    }

    private sealed class ManualTimer(ManualTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        public DateTimeOffset DueAt { get; set; }

        public TimeSpan Period { get; set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            owner.Schedule(this, dueTime, period);
            return true;
        }

        public void Fire() => callback(state);

        public void Dispose() => owner.Remove(this);

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
