using System.Diagnostics;
using CallLogClient.Tests.WireMock;

namespace CallLogClient.Tests.Emulator;

/// <summary>The emulator's latency switch, timed on the wall clock: run alone, after the rest of the suite.</summary>
[Collection(TimingCollection.Name)]
public sealed class LatencyTests : EmulatorTest
{
    [Fact]
    public async Task Latency_delays_every_answer_of_that_provider_only()
    {
        Emulator.Pipedrive.Misbehaviour.Latency = TimeSpan.FromSeconds(1);

        var slow = Stopwatch.StartNew();
        await Pipedrive().ListPageAsync();
        slow.Stop();
        var fast = Stopwatch.StartNew();
        await Close().ListPageAsync();
        fast.Stop();

        Assert.InRange(slow.Elapsed, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10));
        Assert.True(fast.Elapsed < TimeSpan.FromSeconds(1), $"Close took {fast.Elapsed}");
    }
}
