using CallLogClient.Http;

namespace CallLogClient.Tests.Paging;

/// <summary>
/// The pager alone, over page reads the test controls: how many are in flight at once, discards included, and what a
/// read that fails after being dropped leaves behind.
/// </summary>
public sealed class PagerBoundTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(8)]
    public async Task No_more_reads_than_the_bound_are_ever_in_flight_even_while_guesses_are_dropped(int pagesInFlight)
    {
        // 30 items; the server pages by 3 up to 12, then by 4, while the pager asks for 5: its guesses keep missing.
        var reads = new Reads(count: 30, itemsOnPage: offset => offset < 12 ? 3 : 4);
        var pager = new Pager<Page, int>(reads.ReadAsync, static (page, _, _) => new(page.Items, page.Next), pageSize: 5, pagesInFlight);

        var items = new List<int>();
        await foreach (var item in pager.ReadAsync(0, CancellationToken.None))
        {
            items.Add(item);
        }

        Assert.Equal(Enumerable.Range(0, 30), items);
        Assert.InRange(reads.MostInFlight, 1, pagesInFlight);
        Assert.Equal(0, reads.InFlight); // every read dropped was awaited before the enumeration ended
        if (pagesInFlight > 1)
        {
            Assert.True(reads.Cancelled > 0, "No guess was cancelled.");
        }
    }

    [Fact]
    public async Task A_dropped_read_that_fails_after_cancellation_is_awaited_and_its_failure_not_thrown()
    {
        var reads = new Reads(count: 5, itemsOnPage: offset => offset == 0 ? 1 : 2) { FailWhenCancelled = true }; // pages 0, 1, 3: a guess of 2 is wrong
        var pager = new Pager<Page, int>(reads.ReadAsync, static (page, _, _) => new(page.Items, page.Next), pageSize: 2, pagesInFlight: 4);

        var items = new List<int>();
        await foreach (var item in pager.ReadAsync(0, CancellationToken.None))
        {
            items.Add(item);
        }

        Assert.Equal([0, 1, 2, 3, 4], items);
        Assert.True(reads.Cancelled > 0, "No guess was cancelled.");
        Assert.Equal(0, reads.InFlight);
    }

    private sealed record Page(IReadOnlyList<int> Items, int? Next);

    /// <summary>
    /// Reads that end a few yields after they start (or after cancellation), counting how many are in flight: a read
    /// is in flight from its call until its task completes.
    /// </summary>
    private sealed class Reads(int count, Func<int, int> itemsOnPage)
    {
        private int inFlight;
        private int mostInFlight;
        private int cancelled;

        public bool FailWhenCancelled { get; init; }

        public int InFlight => Volatile.Read(ref inFlight);

        public int MostInFlight => Volatile.Read(ref mostInFlight);

        public int Cancelled => Volatile.Read(ref cancelled);

        public async Task<Page> ReadAsync(int offset, CancellationToken cancellationToken)
        {
            var now = Interlocked.Increment(ref inFlight);
            InterlockedMax(ref mostInFlight, now);
            try
            {
                for (var i = 0; i < 3; i++)
                {
                    await Task.Yield();
                }

                if (!IsOnChain(offset))
                {
                    // A wrong guess ends only when the pager cancels it, and a moment after that.
                    try
                    {
                        await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken).WaitAsync(Support.ClockDriver.HangGuard, CancellationToken.None);
                    }
                    catch (OperationCanceledException)
                    {
                        Interlocked.Increment(ref cancelled);
                        await Task.Yield();
                        await Task.Yield();
                    }

                    throw FailWhenCancelled ? new InvalidOperationException("failed after cancellation") : new OperationCanceledException(cancellationToken);
                }

                var end = Math.Min(offset + itemsOnPage(offset), count);
                return new Page([.. Enumerable.Range(offset, Math.Max(0, end - offset))], end < count ? end : null);
            }
            finally
            {
                Interlocked.Decrement(ref inFlight);
            }
        }

        /// <summary>Whether the list's paging leads to <paramref name="offset"/> (a page past the end counts: it is not a guess).</summary>
        private bool IsOnChain(int offset)
        {
            var at = 0;
            while (at < offset && at < count)
            {
                at += itemsOnPage(at);
            }

            return at == offset || offset >= count;
        }

        private static void InterlockedMax(ref int target, int value)
        {
            int seen;
            while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
            {
            }
        }
    }
}
