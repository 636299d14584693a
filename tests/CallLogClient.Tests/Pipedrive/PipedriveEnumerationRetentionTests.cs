using CallLogClient.Tests.Support;
using CallLogClient.Tests.WireMock;

namespace CallLogClient.Tests.Pipedrive;

/// <summary>An enumeration that has ended holds none of the pages it read, even while the caller keeps the sequence.</summary>
public sealed class PipedriveEnumerationRetentionTests(WireMockFixture wireMock) : PipedriveWireMockTests(wireMock)
{
    [Fact]
    public async Task Every_call_log_of_every_page_is_collectable_once_the_enumeration_has_ended()
    {
        WireMock.AddMappingFile("pipedrive/list-three-pages.json");
        var callLogs = Client.ListAllAsync(pageSize: 2);

        var seen = await Retention.EnumerateWeaklyAsync(callLogs);
        Retention.CollectEverything();

        Assert.Equal(5, seen.Count);
        Assert.All(seen, callLog => Assert.False(callLog.IsAlive, "a call log the finished enumeration returned is still held"));
        GC.KeepAlive(callLogs);
    }
}
