using System.Runtime.CompilerServices;

namespace CallLogClient.Tests.Support;

/// <summary>
/// Whether a finished enumeration still holds what it read: it is walked to the end keeping only weak references to
/// its items, then full blocking collections run; an item still alive is held by something (a page kept by the
/// enumerator, a cache, a buffer).
/// </summary>
internal static class Retention
{
    /// <summary>Walks <paramref name="items"/> to the end; its own frame keeps no item once it returns.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static async Task<List<WeakReference>> EnumerateWeaklyAsync<T>(IAsyncEnumerable<T> items)
        where T : class
    {
        var seen = new List<WeakReference>();
        await foreach (var item in items)
        {
            seen.Add(new WeakReference(item));
        }

        return seen;
    }

    public static void CollectEverything()
    {
        for (var i = 0; i < 3; i++)
        {
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }
    }
}
