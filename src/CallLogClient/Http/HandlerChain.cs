using CallLogClient.RateLimiting;
using Microsoft.Extensions.Logging;

namespace CallLogClient.Http;

/// <summary>
/// The handler order, in one place: the call (its deadline and <see cref="CallResiliencePipeline"/>'s attempts) →
/// authentication (per attempt) → transport.
/// </summary>
internal static class HandlerChain
{
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

    /// <summary>The top of the chain: where a call starts and its attempts are made. It disposes <paramref name="owned"/> with itself.</summary>
    public static CallHandler Call(
        CallLogClientOptions options,
        IProviderProtocol protocol,
        IRequestCredential credential,
        ClientBudget? budget,
        ILogger logger,
        IDisposable? owned = null) =>
        new(CallResiliencePipeline.Build(options, protocol, budget, credential, logger), options, protocol, logger, owned);

    /// <summary>
    /// The whole chain over <paramref name="transport"/>, for clients built without dependency injection: the same
    /// handlers the registration installs. The chain disposes <paramref name="ownedBudget"/> with itself.
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
        var call = Call(options, protocol, credential, budget, logger, ownedBudget);
        call.InnerHandler = new AuthenticationHandler(credential) { InnerHandler = transport };
        return call;
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
}
