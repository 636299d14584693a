using CallLogClient.Close;
using CallLogClient.Tests.Support;
using CallLogClient.Tests.WireMock;

namespace CallLogClient.Tests.Close;

/// <summary>An enumeration that has ended holds none of the pages it read, even while the caller keeps the sequence.</summary>
[Collection(WireMockCollection.Name)]
public sealed class CloseEnumerationRetentionTests(WireMockFixture wireMock) : IAsyncLifetime, IDisposable
{
    private readonly CloseCallActivitiesClient client = CloseTestClient.Create(wireMock);

    public Task InitializeAsync()
    {
        wireMock.Reset();
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => client.Dispose();

    [Fact]
    public async Task Every_call_of_every_page_is_collectable_once_the_enumeration_has_ended()
    {
        wireMock.AddMappingFile("close/list-three-pages.json");
        var calls = client.ListAllAsync(pageSize: 2);

        var seen = await Retention.EnumerateWeaklyAsync(calls);
        Retention.CollectEverything();

        Assert.Equal(5, seen.Count);
        Assert.All(seen, call => Assert.False(call.IsAlive, "a call the finished enumeration returned is still held"));
        GC.KeepAlive(calls);
    }
}
