using CallLogClient.RateLimiting;
using Microsoft.Extensions.Logging;

namespace CallLogClient.Http;

/// <summary>The handler order, in one place: resilience (with the client's budget) → authentication (per attempt) → transport.</summary>
internal static class HandlerChain
{
    /// <summary>The resilience handler over a budget someone else owns (dependency injection shares it across handler rotations).</summary>
    public static ResilienceHandler Resilience(CallLogClientOptions options, IProviderProtocol protocol, ClientBudget? budget, ILogger logger) =>
        new(options, protocol, budget, ownsBudget: false, logger);

    /// <summary>The budget the options ask for, or <see langword="null"/> when they set none.</summary>
    public static ClientBudget? Budget(CallLogClientOptions options) =>
        options.RequestBudget is { } budget ? new ClientBudget(budget, options.TimeProvider) : null;

    /// <summary>
    /// The socket handler at the bottom of every chain: compressed responses are accepted and decompressed, connections
    /// are bounded, and no redirect is followed (the documented endpoints never redirect; following one would send the
    /// credential and the body to whatever host the server names).
    /// </summary>
    public static SocketsHttpHandler Transport(CallLogClientOptions options) => new()
    {
        AutomaticDecompression = System.Net.DecompressionMethods.All,
        AllowAutoRedirect = false,
        MaxConnectionsPerServer = options.MaxConnectionsPerServer,
    };

    /// <summary>The whole chain over a pooled socket handler, for clients built without dependency injection.</summary>
    public static HttpClient CreateHttpClient(
        CallLogClientOptions options, IProviderProtocol protocol, IRequestCredential credential, ILogger logger)
    {
        var transport = Transport(options);
        transport.PooledConnectionLifetime = TimeSpan.FromMinutes(5);
        var chain = new ResilienceHandler(options, protocol, Budget(options), ownsBudget: true, logger)
        {
            InnerHandler = new AuthenticationHandler(credential) { InnerHandler = transport },
        };
        return new HttpClient(chain) { Timeout = Timeout.InfiniteTimeSpan };
    }
}
