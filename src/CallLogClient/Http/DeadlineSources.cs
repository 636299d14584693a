using System.Collections.Concurrent;

namespace CallLogClient.Http;

/// <summary>
/// The cancellation sources of the calls' and the attempts' deadlines. On the system clock a finished one is reset and
/// kept for later (as Polly keeps its timeouts' sources), so a call that ends in time allocates none; on any other
/// <see cref="TimeProvider"/> each deadline gets a new one that runs on that provider's timers.
/// </summary>
internal static class DeadlineSources
{
    private const int MaxKept = 64;

    private static readonly ConcurrentQueue<CancellationTokenSource> Kept = new();

    public static CancellationTokenSource Start(TimeSpan timeout, TimeProvider timeProvider)
    {
        if (timeProvider != TimeProvider.System)
        {
            return new CancellationTokenSource(timeout, timeProvider);
        }

        if (!Kept.TryDequeue(out var source))
        {
            source = new CancellationTokenSource();
        }

        source.CancelAfter(timeout);
        return source;
    }

    /// <summary>
    /// Ends a deadline: its source is kept when it never fired and nothing else can cancel it any more (the caller's
    /// registration on it disposed), otherwise disposed.
    /// </summary>
    public static void Return(CancellationTokenSource source, TimeProvider timeProvider)
    {
        if (timeProvider == TimeProvider.System && Kept.Count < MaxKept && source.TryReset())
        {
            Kept.Enqueue(source);
            return;
        }

        source.Dispose();
    }
}
