using BenchmarkDotNet.Attributes;
using CallLogClient.Close.Models;
using CallLogClient.Pipedrive.Models;

namespace CallLogClient.Benchmarks.Loopback;

/// <summary>
/// Every one of 10 000 call logs, one page after the other (Pipedrive: 200 pages of 50; Close: 100 pages of 100). The
/// server takes <see cref="PageDelay"/> ms to answer a page and the caller spends as long on each page (the consumer's
/// work: reading each item, then an asynchronous wait). Each side skips an item already seen on the previous page, as
/// the SDK does when offsets shift.
/// </summary>
[MemoryDiagnoser]
[WarmupCount(1)]
[IterationCount(3)]
[InvocationCount(1, 1)]
public class LoopbackEnumerate : LoopbackBenchmark
{
    private const int PageDelay = 2;
    private const int Total = 10_000;

    [Params("Pipedrive", "Close")]
    public string Provider { get; set; } = "";

    private int PageSize => Provider == "Pipedrive" ? 50 : 100;

    private protected override int PageDelayMs => PageDelay;

    [Benchmark(Baseline = true)]
    public Task<long> Raw() => Provider == "Pipedrive"
        ? PipedrivePagesAsync(Sides.RawPipedriveListAsync)
        : ClosePagesAsync(Sides.RawCloseListAsync);

    [Benchmark]
    public Task<long> PlainRefit() => Provider == "Pipedrive"
        ? PipedrivePagesAsync(Sides.RefitPipedriveListAsync)
        : ClosePagesAsync(Sides.RefitCloseListAsync);

    [Benchmark]
    public async Task<long> Sdk()
    {
        var consumer = new Consumer(PageSize);
        if (Provider == "Pipedrive")
        {
            await foreach (var callLog in Sides.SdkPipedrive.ListAllAsync(PageSize))
            {
                await consumer.TakeAsync(callLog.Duration);
            }
        }
        else
        {
            await foreach (var call in Sides.SdkClose.ListAllAsync(pageSize: PageSize))
            {
                await consumer.TakeAsync(call.Duration);
            }
        }

        return consumer.Result();
    }

    private protected override void CheckParity()
    {
        var results = new[] { Raw(), PlainRefit(), Sdk() }.Select(task => task.GetAwaiter().GetResult()).Distinct().ToList();
        if (results.Count != 1)
        {
            throw new InvalidOperationException($"The sides read different call logs: {string.Join(", ", results)}.");
        }
    }

    private async Task<long> PipedrivePagesAsync(Func<int, int, Task<PipedriveCallLogPage>> readPage)
    {
        var consumer = new Consumer(PageSize);
        var repeats = new Repeats();
        var start = 0;
        while (true)
        {
            var page = await readPage(start, PageSize);
            foreach (var callLog in page.Items)
            {
                if (repeats.IsNew(callLog.Id))
                {
                    await consumer.TakeAsync(callLog.Duration);
                }
            }

            if (!page.Pagination.MoreItemsInCollection)
            {
                return consumer.Result();
            }

            start = page.NextStart is { } next && next > start ? next : throw new InvalidOperationException("Paging is stuck.");
            repeats.NextPage();
        }
    }

    private async Task<long> ClosePagesAsync(Func<int, int, Task<CloseCallActivityPage>> readPage)
    {
        var consumer = new Consumer(PageSize);
        var repeats = new Repeats();
        var skip = 0;
        while (true)
        {
            var page = await readPage(skip, PageSize);
            foreach (var call in page.Items)
            {
                if (repeats.IsNew(call.Id))
                {
                    await consumer.TakeAsync(call.Duration);
                }
            }

            if (!page.HasMore)
            {
                return consumer.Result();
            }

            skip = page.Items.Count > 0 ? skip + page.Items.Count : throw new InvalidOperationException("Paging is stuck.");
            repeats.NextPage();
        }
    }

    /// <summary>The caller: reads each item, and spends <see cref="PageDelay"/> ms after each page's worth of items.</summary>
    private sealed class Consumer(int pageSize)
    {
        private long count;
        private long seconds;

        public Task TakeAsync(TimeSpan? duration)
        {
            count++;
            seconds += (long)(duration?.TotalSeconds ?? 0);
            return count % pageSize == 0 ? Task.Delay(PageDelay) : Task.CompletedTask;
        }

        public long Result() => count == Total ? seconds : throw new InvalidOperationException($"Read {count} call logs instead of {Total}.");
    }

    /// <summary>The ids of the previous page and this one, as the SDK keeps them.</summary>
    private sealed class Repeats
    {
        private HashSet<string> previous = [];
        private HashSet<string> current = [];

        public bool IsNew(string id) => !previous.Contains(id) && current.Add(id);

        public void NextPage()
        {
            (previous, current) = (current, previous);
            current.Clear();
        }
    }
}
