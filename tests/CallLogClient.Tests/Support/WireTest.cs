using CallLogClient.Close;
using CallLogClient.Pipedrive;
using CallLogClient.Tests.WireMock;
using WireMock.Server;

namespace CallLogClient.Tests.Support;

/// <summary>
/// A test against the shared WireMock.Net server, on a manual clock, whose clients log into <see cref="Output"/>. After the
/// test, everything the clients logged and threw, and every URL WireMock.Net and the fault hosts received, is searched for the test secrets.
/// </summary>
[Collection(WireMockCollection.Name)]
public abstract class WireTest(WireMockFixture wireMock) : IAsyncLifetime
{
    private readonly List<IDisposable> clients = [];
    private readonly List<RawHttpServer> faultHosts = [];

    protected WireMockFixture WireMock => wireMock;

    protected WireMockServer Server => wireMock.Server;

    protected ClientOutput Output { get; } = new();

    protected ManualTimeProvider Clock { get; } = new();

    /// <summary>Drives <see cref="Clock"/> through the waits of a call; a new one per call keeps its waits apart.</summary>
    protected ClockDriver Driver() => new(Clock);

    /// <summary>Pipedrive's API root on the WireMock server.</summary>
    protected Uri PipedriveBase => new(wireMock.BaseUri, "v1/");

    public Task InitializeAsync()
    {
        wireMock.Reset();
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        foreach (var client in clients)
        {
            client.Dispose();
        }

        Output.LoggerFactory.Dispose();
        Output.AssertNoSecrets();
        var journal = Server.Requests();
        SecretScan.AssertAbsent(journal.Select(r => ($"URL of {r.Method} {r.Path}", r.PathAndQuery())), TestSecrets.Credentials);
        foreach (var host in faultHosts)
        {
            SecretScan.AssertAbsent(host.Requests.Select(r => ($"URL of {r.Method} {r.Path} (fault host)", r.Target)), TestSecrets.Credentials);
            host.Dispose();
        }

        Assert.DoesNotContain(journal, r => r.Query?.ContainsKey("api_token") == true);
        return Task.CompletedTask;
    }

    /// <summary>
    /// A Pipedrive client on <see cref="Clock"/>, with fast backoff and timeouts far beyond the driver's horizon (a test
    /// that wants a timeout advances the clock to it).
    /// </summary>
    protected PipedriveCallLogsClient Pipedrive(Action<PipedriveClientOptions>? configure = null)
    {
        var options = new PipedriveClientOptions
        {
            Credential = PipedriveCredential.FromApiToken(TestSecrets.PipedriveApiToken),
            BaseAddress = PipedriveBase,
            TimeProvider = Clock,
            Retry = TestRetry(),
        };
        configure?.Invoke(options);
        var client = new PipedriveCallLogsClient(options, Output.LoggerFactory);
        clients.Add(client);
        return client;
    }

    /// <summary>A Close client on <see cref="Clock"/> with an API key, and the same test retry settings.</summary>
    protected CloseCallActivitiesClient Close(Action<CloseClientOptions>? configure = null)
    {
        var options = new CloseClientOptions
        {
            Credential = CloseCredential.FromApiKey(TestSecrets.CloseApiKey),
            BaseAddress = new Uri(wireMock.BaseUri, "api/v1/"),
            TimeProvider = Clock,
            Retry = TestRetry(),
        };
        configure?.Invoke(options);
        var client = new CloseCallActivitiesClient(options, Output.LoggerFactory);
        clients.Add(client);
        return client;
    }

    /// <summary>
    /// Retry settings for tests: 3 retries, 1–10 s backoff (free on the manual clock; a base of a few milliseconds
    /// would let jitter draw a sub-millisecond wait now and then, which timers round to none), 30 min per attempt,
    /// 1 h overall.
    /// </summary>
    protected static RetryOptions TestRetry() => new()
    {
        MaxRetries = 3,
        BaseDelay = TimeSpan.FromSeconds(1),
        MaxDelay = TimeSpan.FromSeconds(10),
        AttemptTimeout = TimeSpan.FromMinutes(30),
        OverallTimeout = TimeSpan.FromHours(1),
    };

    /// <summary>
    /// A loopback server for the transport faults WireMock.Net cannot produce: request i gets answer i, the last repeats.
    /// Its request URLs are searched for the test secrets too.
    /// </summary>
    protected RawHttpServer FaultHost(params Func<RawRequest, RawConnection, Task>[] answers)
    {
        var host = RawHttpServer.Sequence(answers);
        faultHosts.Add(host);
        return host;
    }

    /// <summary>A Pipedrive client like <see cref="Pipedrive"/>, talking to <paramref name="host"/> instead of WireMock.Net.</summary>
    protected PipedriveCallLogsClient PipedriveAt(RawHttpServer host, Action<PipedriveClientOptions>? configure = null) => Pipedrive(o =>
    {
        o.BaseAddress = new Uri(host.BaseUri, "v1/");
        configure?.Invoke(o);
    });

    /// <summary>A Close client like <see cref="Close"/>, talking to <paramref name="host"/> instead of WireMock.Net.</summary>
    protected CloseCallActivitiesClient CloseAt(RawHttpServer host, Action<CloseClientOptions>? configure = null) => Close(o =>
    {
        o.BaseAddress = new Uri(host.BaseUri, "api/v1/");
        configure?.Invoke(o);
    });

    /// <summary>Disposes <paramref name="disposable"/> after the test, before the output is searched.</summary>
    protected void Track(IDisposable disposable) => clients.Add(disposable);

    /// <summary>Waits (in real time, bounded) until <paramref name="server"/> has received <paramref name="count"/> requests.</summary>
    protected static async Task WaitForRequestsAsync(RawHttpServer server, int count)
    {
        using var guard = new CancellationTokenSource(ClockDriver.HangGuard);
        while (server.Requests.Count < count)
        {
            await Task.Delay(20, guard.Token);
        }
    }
}
