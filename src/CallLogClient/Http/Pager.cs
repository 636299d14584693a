using System.Runtime.CompilerServices;

namespace CallLogClient.Http;

/// <summary>
/// Reads an offset-paged list with at most <c>pagesInFlight</c> pages requested and not yet returned: while the caller
/// reads one page, up to <c>pagesInFlight - 1</c> after it are fetched, and when it asks for the next, up to
/// <c>pagesInFlight</c> are. Both providers' next offsets are predictable (a page's offset plus the stride of the page
/// before), so the pages ahead are asked for before the server names them. Items come strictly in page order;
/// <c>pagesInFlight = 1</c> reads one page at a time.
/// </summary>
/// <remarks>
/// <para>
/// Each page is read through <c>readPageAt</c>, i.e. the whole request pipeline: retries, the request budget,
/// diagnostics. <c>step</c> is called once per page, in order, with the page, its offset and the read's own
/// <see cref="RepeatFilter"/>, and tells which items to return and where the next page really starts; when that
/// is not the offset predicted, the pages requested ahead are cancelled, awaited and dropped, and the read goes on from
/// the offset the server named.
/// </para>
/// <para>
/// When a page is known to be the last, the requests ahead of it (at most <c>pagesInFlight - 1</c>) are cancelled
/// and awaited. The same happens when the caller stops (break, cancellation, an exception), so no request outlives
/// the enumeration and no exception goes unobserved. A page that fails surfaces its exception in order, after every
/// item of the pages before it.
/// </para>
/// </remarks>
internal sealed class Pager<TPage, TItem>(
    Func<int, CancellationToken, Task<TPage>> readPageAt,
    Func<TPage, int, RepeatFilter, PageStep<TItem>> step,
    int pageSize,
    int pagesInFlight,
    int maxOffset = int.MaxValue)
    where TPage : class
{
    /// <summary>Reads every page from <paramref name="firstOffset"/> on.</summary>
    public IAsyncEnumerable<TItem> ReadAsync(int firstOffset, CancellationToken cancellationToken) =>
        WalkAsync(new StrongBox<TPage?>(), firstOffset, cancellationToken);

    /// <summary>
    /// Reads on from <paramref name="first"/>, a page already read at <paramref name="firstOffset"/>; the box is emptied
    /// so that the read alone holds the page.
    /// </summary>
    public IAsyncEnumerable<TItem> ContinueAsync(StrongBox<TPage?> first, int firstOffset, CancellationToken cancellationToken) =>
        WalkAsync(first, firstOffset, cancellationToken);

    private async IAsyncEnumerable<TItem> WalkAsync(
        StrongBox<TPage?> first, int offset, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var ahead = new Queue<PageRequest>(pagesInFlight);
        var stride = pageSize;
        var repeats = new RepeatFilter();
        var next = (int?)offset;
        try
        {
            var page = first.Value;
            first.Value = null;
            while (true)
            {
                if (page is null)
                {
                    // The caller wants the next page: with it, up to pagesInFlight requests are in flight.
                    cancellationToken.ThrowIfCancellationRequested();
                    if (ahead.Count == 0)
                    {
                        ahead.Enqueue(Request(next!.Value, cancellationToken));
                    }

                    TopUp(ahead, stride, pagesInFlight, cancellationToken);
                    (page, offset) = await NextPageAsync(ahead).ConfigureAwait(false);
                }

                (var items, next, var failure) = step(page, offset, repeats);
                page = null;
                if (next is { } nextOffset)
                {
                    stride = nextOffset > offset ? nextOffset - offset : stride;
                    if (ahead.TryPeek(out var predicted) && predicted.Offset != nextOffset)
                    {
                        await DrainAsync(ahead).ConfigureAwait(false);
                    }

                    // While the caller reads this page, the ones after it are fetched: it and they make pagesInFlight.
                    if (ahead.Count == 0 && pagesInFlight > 1)
                    {
                        ahead.Enqueue(Request(nextOffset, cancellationToken));
                    }

                    TopUp(ahead, stride, pagesInFlight - 1, cancellationToken);
                }
                else
                {
                    await CancelAsync(ahead).ConfigureAwait(false); // awaited once the caller has the last items
                }

                foreach (var item in items)
                {
                    yield return item;
                }

                if (failure is not null)
                {
                    throw failure;
                }

                if (next is null)
                {
                    yield break;
                }
            }
        }
        finally
        {
            await DrainAsync(ahead).ConfigureAwait(false);
        }
    }

    /// <summary>Fills the requests ahead up to <paramref name="bound"/>, each at the offset predicted from the one before.</summary>
    private void TopUp(Queue<PageRequest> ahead, int stride, int bound, CancellationToken cancellationToken)
    {
        while (ahead.Count is > 0 && ahead.Count < bound)
        {
            var last = ahead.Last().Offset;
            if (last > maxOffset - stride)
            {
                return;
            }

            ahead.Enqueue(Request(last + stride, cancellationToken));
        }
    }

    /// <summary>Awaits the oldest request; it leaves the queue first, so a failure drains only the ones after it.</summary>
    private static async Task<(TPage Page, int Offset)> NextPageAsync(Queue<PageRequest> ahead)
    {
        var request = ahead.Dequeue();
        using (request)
        {
            return (await request.Page.ConfigureAwait(false), request.Offset);
        }
    }

    private PageRequest Request(int offset, CancellationToken cancellationToken)
    {
        var cancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        try
        {
            return new PageRequest(offset, readPageAt(offset, cancellation.Token), cancellation);
        }
        catch
        {
            cancellation.Dispose();
            throw;
        }
    }

    /// <summary>Cancels every request still ahead and waits for each to end; what they return or throw is dropped.</summary>
    private static async Task DrainAsync(Queue<PageRequest> ahead)
    {
        await CancelAsync(ahead).ConfigureAwait(false);
        while (ahead.TryDequeue(out var request))
        {
            using (request)
            {
                try
                {
                    await request.Page.ConfigureAwait(false);
                }
#pragma warning disable CA1031 // a dropped page's outcome, failure included, is not the caller's
                catch (Exception)
#pragma warning restore CA1031
                {
                }
            }
        }
    }

    private static async Task CancelAsync(Queue<PageRequest> ahead)
    {
        foreach (var request in ahead)
        {
            await request.Cancellation.CancelAsync().ConfigureAwait(false);
        }
    }

    /// <summary>A page requested at <paramref name="Offset"/>, and the source that cancels it alone.</summary>
    private sealed record PageRequest(int Offset, Task<TPage> Page, CancellationTokenSource Cancellation) : IDisposable
    {
        public void Dispose() => Cancellation.Dispose();
    }
}
