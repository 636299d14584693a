using Microsoft.Extensions.Logging;

namespace CallLogClient.Http;

/// <summary>The handler order, in one place: resilience → authentication (per attempt) → transport.</summary>
internal static class HandlerChain
{
    public static ResilienceHandler Resilience(CallLogClientOptions options, IProviderProtocol protocol, ILogger logger) =>
        new(options.Retry, options.TimeProvider, protocol, logger);

    /// <summary>The whole chain over a pooled socket handler, for clients built without dependency injection.</summary>
    public static HttpClient CreateHttpClient(
        CallLogClientOptions options, IProviderProtocol protocol, IRequestCredential credential, ILogger logger)
    {
        var transport = new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            AutomaticDecompression = System.Net.DecompressionMethods.All,
        };
        var chain = Resilience(options, protocol, logger);
        chain.InnerHandler = new AuthenticationHandler(credential) { InnerHandler = transport };
        return new HttpClient(chain) { Timeout = Timeout.InfiniteTimeSpan };
    }
}
