using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using CallLogClient.Close;
using CallLogClient.Pipedrive;

namespace CallLogClient.Benchmarks.Paging;

/// <summary>
/// <c>ListAllAsync</c> over 20 pages from a loopback server that takes 10 ms a page, with one page at a time
/// (<see cref="CallLogClientOptions.PagesInFlight"/> = 1, the baseline), 2 (the default) and 4; the caller spends
/// <see cref="CallerWorkMs"/> on each page (an awaited delay, like a write elsewhere). Time is dominated by the waits,
/// so the ratios hold on a loaded machine. Run: <c>--filter '*PagerBenchmark*'</c>.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 2, iterationCount: 10)]
[MemoryDiagnoser]
[MedianColumn]
public class PagerBenchmark
{
    private const int Pages = 20;
    private static readonly TimeSpan ServerDelay = TimeSpan.FromMilliseconds(10);

    private SlowPagedServer server = null!;
    private readonly Dictionary<int, IDisposable> clients = [];

    /// <summary>Which provider's list is read: Pipedrive pages of 50, Close pages of 100.</summary>
    [Params(CallLogProvider.Pipedrive, CallLogProvider.Close)]
    public CallLogProvider Provider { get; set; }

    /// <summary>What the caller spends on each page, in milliseconds.</summary>
    [Params(0, 10)]
    public int CallerWorkMs { get; set; }

    private int PageSize => Provider == CallLogProvider.Pipedrive ? 50 : 100;

    /// <summary>Starts the server and one client per setting, and checks that each reads every item once, in order.</summary>
    [GlobalSetup]
    public void Setup()
    {
        server = new SlowPagedServer(Pages * PageSize, ServerDelay);
        foreach (var pagesInFlight in new[] { 1, 2, 4 })
        {
            clients[pagesInFlight] = Provider == CallLogProvider.Pipedrive
                ? new PipedriveCallLogsClient(new PipedriveClientOptions
                {
                    Credential = PipedriveCredential.FromApiToken("benchmark-token"),
                    BaseAddress = new Uri(server.BaseUri, "v1/"),
                    PagesInFlight = pagesInFlight,
                })
                : new CloseCallActivitiesClient(new CloseClientOptions
                {
                    Credential = CloseCredential.FromApiKey("benchmark-key"),
                    BaseAddress = new Uri(server.BaseUri, "api/v1/"),
                    PagesInFlight = pagesInFlight,
                });
            var items = ReadAllAsync(pagesInFlight, callerWork: TimeSpan.Zero).AsTask().GetAwaiter().GetResult();
            if (items != Pages * PageSize)
            {
                throw new InvalidOperationException($"{pagesInFlight} in flight read {items} items, not {Pages * PageSize}.");
            }
        }
    }

    /// <summary>Stops the server and releases the clients.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var client in clients.Values)
        {
            client.Dispose();
        }

        server.Dispose();
    }

    /// <summary>One page at a time: the sequential loop.</summary>
    [Benchmark(Baseline = true)]
    public ValueTask<int> OnePageInFlight() => ReadAllAsync(1, TimeSpan.FromMilliseconds(CallerWorkMs));

    /// <summary>The default: the next page is fetched while the caller reads this one.</summary>
    [Benchmark]
    public ValueTask<int> TwoPagesInFlight() => ReadAllAsync(2, TimeSpan.FromMilliseconds(CallerWorkMs));

    /// <summary>Three pages fetched ahead.</summary>
    [Benchmark]
    public ValueTask<int> FourPagesInFlight() => ReadAllAsync(4, TimeSpan.FromMilliseconds(CallerWorkMs));

    private async ValueTask<int> ReadAllAsync(int pagesInFlight, TimeSpan callerWork)
    {
        var read = 0;
        if (clients[pagesInFlight] is PipedriveCallLogsClient pipedrive)
        {
            await foreach (var callLog in pipedrive.ListAllAsync(PageSize))
            {
                read += callLog.Id.Length > 0 ? 1 : 0;
                await WorkAsync(read, callerWork);
            }
        }
        else
        {
            await foreach (var call in ((CloseCallActivitiesClient)clients[pagesInFlight]).ListAllAsync(pageSize: PageSize))
            {
                read += call.Id.Length > 0 ? 1 : 0;
                await WorkAsync(read, callerWork);
            }
        }

        return read;
    }

    /// <summary>The caller's work: <paramref name="callerWork"/> once per page, after its last item.</summary>
    private ValueTask WorkAsync(int read, TimeSpan callerWork) =>
        callerWork > TimeSpan.Zero && read % PageSize == 0 ? new ValueTask(Task.Delay(callerWork)) : ValueTask.CompletedTask;
}
