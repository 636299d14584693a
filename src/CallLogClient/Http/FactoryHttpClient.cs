using Microsoft.Extensions.DependencyInjection;

namespace CallLogClient.Http;

/// <summary>
/// The <see cref="HttpClient"/> of a named registration, asked of <see cref="IHttpClientFactory"/> again only once the
/// factory has rotated that name's handler chain: one client per handler generation instead of one per call, and
/// still on the newest handler from the first call after a rotation.
/// </summary>
internal static class FactoryHttpClient
{
    public static Func<HttpClient> Of(IServiceProvider provider, string name)
    {
        var handlers = provider.GetRequiredService<IHttpMessageHandlerFactory>();
        var clients = provider.GetRequiredService<IHttpClientFactory>();
        Generation? current = null;
        return () =>
        {
            // The factory's current handler for the name: the same instance until its lifetime ends, no allocation.
            var handler = handlers.CreateHandler(name);
            var generation = Volatile.Read(ref current);
            if (generation is null || !ReferenceEquals(generation.Handler, handler))
            {
                generation = new Generation(handler, clients.CreateClient(name));
                Volatile.Write(ref current, generation);
            }

            return generation.Client;
        };
    }

    private sealed record Generation(HttpMessageHandler Handler, HttpClient Client);
}
