using CallLogClient.Close;
using CallLogClient.Close.Outcomes;
using CallLogClient.Tests.Emulator;
using CallLogClient.Tests.Support;

namespace CallLogClient.Tests.Calls;

/// <summary>The organization's outcomes: read page by page once, then served from the cache until it goes stale.</summary>
public sealed class CloseOutcomesClientTests : EmulatorTest
{
    private CloseOutcomesClient Client(TimeProvider? clock = null) => new(new CloseClientOptions
    {
        Credential = CloseCredential.FromApiKey(Emulator.CloseApiKey),
        BaseAddress = Emulator.CloseBaseAddress,
        TimeProvider = clock ?? TimeProvider.System,
    });

    private int OutcomeReads => Emulator.Requests.Count(r => r.Path == "/api/v1/outcome/");

    [Fact]
    public async Task Two_reads_cost_one_get_at_the_server()
    {
        var demo = Emulator.Close.AddOutcome("Demo Booked");
        Emulator.Close.AddOutcome("Left Pre-Recorded Voicemail", "vm-dropped");
        using var client = Client();

        var first = await client.FindAsync(demo);
        var all = await client.ListAsync();

        Assert.Equal(1, OutcomeReads);
        Assert.Equal("Demo Booked", first!.Name);
        Assert.Equal("custom", first.Type);
        Assert.Equal(["calls", "meetings"], first.AppliesTo);
        Assert.Equal(["Demo Booked", "Left Pre-Recorded Voicemail"], all.Select(o => o.Name));
        Assert.Equal("Basic ***", Emulator.Requests.Single().Header("Authorization"));
        Assert.Equal("?_skip=0&_limit=100", Emulator.Requests.Single().Query);
    }

    [Fact]
    public async Task Concurrent_first_reads_share_one_get()
    {
        Emulator.Close.AddOutcome("Demo Booked");
        Emulator.Close.Misbehaviour.Latency = TimeSpan.FromMilliseconds(50);
        using var client = Client();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => client.ListAsync()));

        Assert.Equal(1, OutcomeReads);
    }

    [Fact]
    public async Task Every_page_is_read_and_an_id_no_outcome_has_is_null()
    {
        var ids = Enumerable.Range(0, 150).Select(i => Emulator.Close.AddOutcome($"Outcome {i}")).ToList();
        using var client = Client();

        var last = await client.FindAsync(ids[^1]);
        var missing = await client.FindAsync("outcome_deleted");

        Assert.Equal("Outcome 149", last!.Name);
        Assert.Null(missing);
        Assert.Equal(["?_skip=0&_limit=100", "?_skip=100&_limit=100"], Emulator.Requests.Select(r => r.Query));
    }

    [Fact]
    public async Task A_stale_cache_is_read_again()
    {
        Emulator.Close.AddOutcome("Demo Booked");
        var clock = new ManualTimeProvider();
        using var client = Client(clock);

        await client.ListAsync();
        clock.Advance(TimeSpan.FromMinutes(59));
        await client.ListAsync();
        var readsWhileFresh = OutcomeReads;
        Emulator.Close.AddOutcome("Qualified");
        clock.Advance(TimeSpan.FromMinutes(2));
        var after = await client.ListAsync();

        Assert.Equal(1, readsWhileFresh);
        Assert.Equal(2, OutcomeReads);
        Assert.Equal(2, after.Count);
    }
}
