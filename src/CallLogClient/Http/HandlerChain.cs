using CallLogClient.RateLimiting;
using Microsoft.Extensions.Logging;
using Polly;
using ResilienceHandler = Microsoft.Extensions.Http.Resilience.ResilienceHandler;

namespace CallLogClient.Http;

/// <summary>
/// The handler order, in one place: call start → resilience (the library's handler running
/// <see cref="CallResiliencePipeline"/>) → attempt → authentication (per attempt) → transport.
/// </summary>
internal static class HandlerChain
{
    /// <summary>The name of the resilience handler <c>AddResilienceHandler</c> installs on a client's registration.</summary>
    public const string ResiliencePipelineName = "call-log";

    /// <summary>The budget the options ask for, or <see langword="null"/> when they set none.</summary>
    public static ClientBudget? Budget(CallLogClientOptions options) =>
        options.RequestBudget is { } budget ? new ClientBudget(budget, options.TimeProvider) : null;

    /// <summary>
    /// The socket handler at the bottom of every chain: compressed responses are accepted and decompressed, connections
    /// are bounded, no cookie is kept, and no redirect is followed (the documented endpoints never redirect; following
    /// one would send the credential and the body to whatever host the server names).
    /// </summary>
    public static SocketsHttpHandler Transport(CallLogClientOptions options) => new()
    {
        AutomaticDecompression = System.Net.DecompressionMethods.All,
        AllowAutoRedirect = false,
        UseCookies = false,
        MaxConnectionsPerServer = options.MaxConnectionsPerServer,
    };

    /// <summary>The handler below the resilience handler: one per attempt.</summary>
    public static AttemptHandler Attempt(CallLogClientOptions options, IProviderProtocol protocol, ILogger logger) =>
        new(protocol, options.MaxResponseBodyBytes, options.TimeProvider, logger);

    /// <summary>
    /// The whole chain over <paramref name="transport"/>, for clients built without dependency injection: the same
    /// handlers and pipeline the registration installs. The chain disposes <paramref name="ownedBudget"/> with itself.
    /// </summary>
    public static HttpMessageHandler Create(
        CallLogClientOptions options,
        IProviderProtocol protocol,
        IRequestCredential credential,
        ClientBudget? budget,
        ILogger logger,
        HttpMessageHandler transport,
        ClientBudget? ownedBudget = null)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage>();
        CallResiliencePipeline.Configure(builder, options, protocol, budget, credential, logger);

#pragma warning disable EXTEXP0001 // The handler AddResilienceHandler installs; only its public constructor is marked experimental.
        var resilience = new ResilienceHandler(builder.Build());
#pragma warning restore EXTEXP0001
        return new CallStartHandler(options.TimeProvider, ownedBudget)
        {
            InnerHandler = resilience.Wrapping(
                Attempt(options, protocol, logger).Wrapping(
                    new AuthenticationHandler(credential) { InnerHandler = transport })),
        };
    }

    /// <summary>The whole chain over a pooled socket handler with the client's own budget.</summary>
    public static HttpClient CreateHttpClient(
        CallLogClientOptions options, IProviderProtocol protocol, IRequestCredential credential, ILogger logger)
    {
        var transport = Transport(options);
        transport.PooledConnectionLifetime = TimeSpan.FromMinutes(5);
        var budget = Budget(options);
        return new HttpClient(Create(options, protocol, credential, budget, logger, transport, ownedBudget: budget))
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    private static DelegatingHandler Wrapping(this DelegatingHandler handler, HttpMessageHandler inner)
    {
        handler.InnerHandler = inner;
        return handler;
    }
}
