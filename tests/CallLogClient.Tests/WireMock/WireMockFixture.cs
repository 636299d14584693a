namespace CallLogClient.Tests.WireMock;

/// <summary>One WireMock server for the whole test run, shared by the tests in <see cref="WireMockCollection"/>.</summary>
public sealed class WireMockFixture : IAsyncLifetime
{
    private WireMockServer? server;

    public WireMockServer Server => server ?? throw new InvalidOperationException("WireMock has not been started.");

    /// <summary>Root of the stubbed server, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseUri => Server.BaseUri;

    public WireMockAdmin Admin => Server.Admin;

    /// <summary>Removes all mappings, clears the request journal and resets all scenarios.</summary>
    public Task ResetAsync() => Admin.ResetAsync();

    public async Task InitializeAsync() => server = await WireMockServer.StartAsync();

    public Task DisposeAsync()
    {
        server?.Dispose();
        return Task.CompletedTask;
    }
}
