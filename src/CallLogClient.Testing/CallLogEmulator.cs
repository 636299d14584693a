using System.Collections.Concurrent;
using System.Net;
using CallLogClient.Testing.Close;
using CallLogClient.Testing.Pipedrive;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CallLogClient.Testing;

/// <summary>
/// A stateful local emulator of the Pipedrive Call Logs and Close Call activities APIs on a loopback port, for contract
/// tests and samples. Start it, point a client at <see cref="PipedriveBaseAddress"/> or <see cref="CloseBaseAddress"/>
/// with the credentials it names, and assert on <see cref="Pipedrive"/>, <see cref="Close"/> and <see cref="Requests"/>.
/// </summary>
/// <example><code>
/// await using var emulator = await CallLogEmulator.StartAsync();
/// using var client = new PipedriveCallLogsClient(new PipedriveClientOptions
/// {
///     Credential = PipedriveCredential.FromApiToken(emulator.PipedriveApiToken),
///     BaseAddress = emulator.PipedriveBaseAddress,
/// });
/// </code></example>
public sealed class CallLogEmulator : IAsyncDisposable, IDisposable
{
    private const int MaxBodyBytes = 256 * 1024 * 1024;

    private readonly WebApplication app;
    private readonly CallLogEmulatorOptions options;
    private readonly IProviderEmulation[] emulations;
    private readonly Dictionary<IProviderEmulation, RateWindow> windows;
    private readonly ConcurrentQueue<EmulatedRequest> requests = new();

    private CallLogEmulator(WebApplication app, CallLogEmulatorOptions options)
    {
        this.app = app;
        this.options = options;
        Pipedrive = new PipedriveEmulation(options.PipedriveApiToken, options.PipedriveAccessToken);
        Close = new CloseEmulation(options.CloseApiKey, options.CloseAccessToken, options.TimeProvider);
        emulations = [Pipedrive, Close];
        windows = emulations.ToDictionary(emulation => emulation, _ => new RateWindow(options.TimeProvider));
        app.Run(HandleAsync);
    }

    /// <summary>Where the emulator listens, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The base address to give a Pipedrive client (<c>…/pipedrive/v1/</c>).</summary>
    public Uri PipedriveBaseAddress => new(BaseAddress, "pipedrive/v1/");

    /// <summary>The base address to give a Close client (<c>…/close/api/v1/</c>).</summary>
    public Uri CloseBaseAddress => new(BaseAddress, "close/api/v1/");

    /// <summary>The Pipedrive API token the emulator accepts.</summary>
    public string PipedriveApiToken => options.PipedriveApiToken;

    /// <summary>The Close API key the emulator accepts.</summary>
    public string CloseApiKey => options.CloseApiKey;

    /// <summary>The Pipedrive emulation: its call logs, misbehaviour and rate limit.</summary>
    public PipedriveEmulation Pipedrive { get; }

    /// <summary>The Close emulation: its calls, misbehaviour, rate limit and <c>_skip</c> cap.</summary>
    public CloseEmulation Close { get; }

    /// <summary>Every request received so far, in arrival order, credentials masked.</summary>
    public IReadOnlyList<EmulatedRequest> Requests => [.. requests];

    /// <summary>Starts an emulator on a free loopback port.</summary>
    /// <param name="options">Credentials and clock; the defaults when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public static async Task<CallLogEmulator> StartAsync(CallLogEmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        var emulator = Create(options);
        await emulator.app.StartAsync(cancellationToken).ConfigureAwait(false);
        emulator.OnStarted();
        return emulator;
    }

    /// <summary>Starts an emulator on a free loopback port, for a constructor that cannot await (a test fixture).</summary>
    /// <param name="options">Credentials and clock; the defaults when <see langword="null"/>.</param>
    public static CallLogEmulator Start(CallLogEmulatorOptions? options = null)
    {
        var emulator = Create(options);
        emulator.app.Start();
        emulator.OnStarted();
        return emulator;
    }

    /// <summary>Forgets every request, call log and call, and turns every misbehaviour off.</summary>
    public void Reset()
    {
        requests.Clear();
        Pipedrive.Reset();
        Close.Reset();
    }

    /// <summary>Stops the server.</summary>
    public async ValueTask DisposeAsync()
    {
        await app.StopAsync().ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Stops the server without waiting for requests in flight.</summary>
    public void Dispose() => ((IDisposable)app).Dispose();

    private static CallLogEmulator Create(CallLogEmulatorOptions? options)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0);
            kestrel.Limits.MaxRequestBodySize = MaxBodyBytes;
        });
        return new CallLogEmulator(builder.Build(), options ?? new CallLogEmulatorOptions());
    }

    private void OnStarted()
    {
        var address = app.Services.GetService(typeof(IServer)) is IServer server
            ? server.Features.Get<IServerAddressesFeature>()!.Addresses.First()
            : throw new InvalidOperationException("The emulator's server did not start.");
        BaseAddress = new Uri(address.TrimEnd('/') + "/");
    }

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        var emulation = emulations.FirstOrDefault(e => path.StartsWith(e.Prefix + "/", StringComparison.Ordinal));
        if (emulation is null)
        {
            context.Response.StatusCode = 404;
            return;
        }

        context.Request.EnableBuffering(bufferThreshold: 1024 * 1024, bufferLimit: MaxBodyBytes);
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted).ConfigureAwait(false);
        context.Request.Body.Position = 0;
        var request = new EmulatorRequest(context.Request.Method, path[emulation.Prefix.Length..], context.Request.Query, body.ToArray(), context.Request);
        var misbehaviour = emulation.Misbehaviour;
        var fault = misbehaviour.Next();
        var latency = misbehaviour.NextLatency();
        requests.Enqueue(Record(emulation.Provider, request, context.Request) with { Fault = fault, Latency = latency });
        if (latency > TimeSpan.Zero)
        {
            await Task.Delay(latency, options.TimeProvider, context.RequestAborted).ConfigureAwait(false);
        }

        if (fault == Fault.ResetBeforeProcessing)
        {
            context.Abort();
            return;
        }

        var response = fault == Fault.ServiceUnavailable ? emulation.Error(503) : await AnswerAsync(emulation, request).ConfigureAwait(false);
        if (fault == Fault.ResetAfterProcessing)
        {
            context.Abort();
            return;
        }

        await WriteAsync(context, fault == Fault.InternalErrorAfterProcessing ? emulation.Error(500) : response).ConfigureAwait(false);
    }

    private async Task<EmulatorResponse> AnswerAsync(IProviderEmulation emulation, EmulatorRequest request)
    {
        if (!emulation.IsAuthorized(request.Http))
        {
            return emulation.Unauthorized();
        }

        if (emulation.RateLimit is not { } limit)
        {
            return await emulation.HandleAsync(request).ConfigureAwait(false);
        }

        var (allowed, remaining, reset) = windows[emulation].TrySpend(limit, emulation.CostOf(request.Method, request.Path));
        var response = allowed ? await emulation.HandleAsync(request).ConfigureAwait(false) : emulation.RateLimited(limit, reset);
        emulation.AddRateHeaders(response, limit, remaining, reset);
        return response;
    }

    private static async Task WriteAsync(HttpContext context, EmulatorResponse response)
    {
        context.Response.StatusCode = response.Status;
        foreach (var (name, value) in response.Headers)
        {
            context.Response.Headers.Append(name, value);
        }

        if (response.Body is not null)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(response.Body.ToJsonString(), context.RequestAborted).ConfigureAwait(false);
        }
    }

    private static EmulatedRequest Record(EmulatedProvider provider, EmulatorRequest request, HttpRequest http)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in http.Headers)
        {
            headers[name] = name.Equals("x-api-token", StringComparison.OrdinalIgnoreCase) || name.Equals("Authorization", StringComparison.OrdinalIgnoreCase)
                ? Mask(values.ToString())
                : values.ToString();
        }

        return new EmulatedRequest(provider, request.Method, request.Path, http.QueryString.Value ?? "", headers, request.Body);
    }

    /// <summary>A credential header with its secret masked; the scheme of an Authorization header stays readable.</summary>
    private static string Mask(string value) => value.IndexOf(' ', StringComparison.Ordinal) is > 0 and var space ? value[..space] + " ***" : "***";
}
