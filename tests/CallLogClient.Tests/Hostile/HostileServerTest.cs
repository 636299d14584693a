using CallLogClient.Close;
using CallLogClient.Close.Models;
using CallLogClient.Pipedrive;
using CallLogClient.Pipedrive.Models;
using CallLogClient.Tests.Support;

namespace CallLogClient.Tests.Hostile;

/// <summary>
/// A test against scripted loopback servers that misbehave on purpose. Clients log into <see cref="Output"/>, and after
/// the test nothing they logged or threw may hold a credential.
/// </summary>
public abstract class HostileServerTest : IDisposable
{
    private readonly List<IDisposable> owned = [];

    protected ClientOutput Output { get; } = new();

    public const string PipedriveOk = """{"success":true,"data":{"id":"c1"}}""";

    public const string CloseCallOk = """{"id":"acti_1","_type":"Call"}""";

    /// <summary>Starts a server that the test disposes of.</summary>
    protected RawHttpServer Serve(Func<RawRequest, RawConnection, Task> answer) => Own(RawHttpServer.Start(answer));

    protected RawHttpServer Serve(int status, string json) => Own(RawHttpServer.Answering(status, json));

    protected PipedriveCallLogsClient Pipedrive(RawHttpServer server, Action<PipedriveClientOptions>? configure = null)
    {
        var options = new PipedriveClientOptions
        {
            Credential = PipedriveCredential.FromApiToken(TestSecrets.PipedriveApiToken),
            BaseAddress = new Uri(server.BaseUri, "v1/"),
            Retry = FastRetry(),
        };
        configure?.Invoke(options);
        return Own(new PipedriveCallLogsClient(options, Output.LoggerFactory));
    }

    protected CloseCallActivitiesClient Close(RawHttpServer server, Action<CloseClientOptions>? configure = null)
    {
        var options = new CloseClientOptions
        {
            Credential = CloseCredential.FromApiKey(TestSecrets.CloseApiKey),
            BaseAddress = new Uri(server.BaseUri, "api/v1/"),
            Retry = FastRetry(),
        };
        configure?.Invoke(options);
        return Own(new CloseCallActivitiesClient(options, Output.LoggerFactory));
    }

    protected static PipedriveCreateCallLogRequest PipedriveCreate() => new()
    {
        Outcome = PipedriveCallOutcome.Connected,
        ToPhoneNumber = TestSecrets.PhoneNumber,
        StartTime = new DateTimeOffset(2024, 1, 15, 10, 0, 0, TimeSpan.Zero),
        EndTime = new DateTimeOffset(2024, 1, 15, 10, 5, 0, TimeSpan.Zero),
        Duration = TimeSpan.FromMinutes(4),
        Note = TestSecrets.Note,
    };

    protected static CloseCreateCallRequest CloseCreate() => new()
    {
        LeadId = "lead_1",
        Direction = CloseCallDirection.Outbound,
        Phone = TestSecrets.PhoneNumber,
        Note = TestSecrets.Note,
    };

    /// <summary>Real-clock retries short enough for a test: 3 retries from 10 ms.</summary>
    protected static RetryOptions FastRetry() => new()
    {
        MaxRetries = 3,
        BaseDelay = TimeSpan.FromMilliseconds(10),
        MaxDelay = TimeSpan.FromMilliseconds(50),
        AttemptTimeout = TimeSpan.FromSeconds(30),
        OverallTimeout = TimeSpan.FromMinutes(1),
    };

    protected T Own<T>(T disposable) where T : IDisposable
    {
        owned.Add(disposable);
        return disposable;
    }

    public void Dispose()
    {
        foreach (var disposable in owned)
        {
            disposable.Dispose();
        }

        Output.LoggerFactory.Dispose();
        Output.AssertNoSecrets();
        GC.SuppressFinalize(this);
    }
}
