using CallLogClient.Calls;
using CallLogClient.Close;
using CallLogClient.Pipedrive;
using CallLogClient.Testing;

namespace CallLogClient.Tests.Emulator;

/// <summary>A test against a fresh <see cref="CallLogEmulator"/>, with the real clients pointed at it.</summary>
public abstract class EmulatorTest : IAsyncLifetime
{
    private readonly List<IDisposable> owned = [];

    protected CallLogEmulator Emulator { get; private set; } = null!;

    public async Task InitializeAsync() => Emulator = await CallLogEmulator.StartAsync();

    public async Task DisposeAsync()
    {
        owned.ForEach(disposable => disposable.Dispose());
        await Emulator.DisposeAsync();
    }

    protected PipedriveCallLogsClient Pipedrive(Action<PipedriveClientOptions>? configure = null)
    {
        var options = new PipedriveClientOptions
        {
            Credential = PipedriveCredential.FromApiToken(Emulator.PipedriveApiToken),
            BaseAddress = Emulator.PipedriveBaseAddress,
            Retry = Fast(),
        };
        configure?.Invoke(options);
        return Own(new PipedriveCallLogsClient(options));
    }

    protected CloseCallActivitiesClient Close(Action<CloseClientOptions>? configure = null)
    {
        var options = new CloseClientOptions
        {
            Credential = CloseCredential.FromApiKey(Emulator.CloseApiKey),
            BaseAddress = Emulator.CloseBaseAddress,
            Retry = Fast(),
        };
        configure?.Invoke(options);
        return Own(new CloseCallActivitiesClient(options));
    }

    /// <summary>A call log writer over a new client of <paramref name="provider"/>, reading one page at a time.</summary>
    protected CallLogWriter WriterFor(CallLogProvider provider, CallLogWriterOptions? options = null) => provider == CallLogProvider.Pipedrive
        ? CallLogWriter.ForPipedrive(Pipedrive(o => o.PagesInFlight = 1), options)
        : CallLogWriter.ForClose(Close(o => o.PagesInFlight = 1), outcomes: null, options);

    /// <summary>The emulator's fault script for <paramref name="provider"/>.</summary>
    protected Misbehaviour FaultsOf(CallLogProvider provider) =>
        provider == CallLogProvider.Pipedrive ? Emulator.Pipedrive.Misbehaviour : Emulator.Close.Misbehaviour;

    /// <summary>A plain client for what the SDK refuses to send, so the emulator's own rules can be seen.</summary>
    protected HttpClient Raw() => Own(new HttpClient());

    private static RetryOptions Fast() => new()
    {
        BaseDelay = TimeSpan.FromMilliseconds(5),
        MaxDelay = TimeSpan.FromMilliseconds(20),
        AttemptTimeout = TimeSpan.FromSeconds(20),
        OverallTimeout = TimeSpan.FromSeconds(40),
    };

    private T Own<T>(T disposable) where T : IDisposable
    {
        owned.Add(disposable);
        return disposable;
    }
}
