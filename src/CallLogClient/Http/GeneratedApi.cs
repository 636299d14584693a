using System.Text.Json.Serialization;
using Refit;

namespace CallLogClient.Http;

/// <summary>A provider's source-generated Refit client, created over the <see cref="HttpClient"/> of the moment.</summary>
internal static class GeneratedApi
{
    /// <summary>
    /// A source of <typeparamref name="TApi"/> clients; each call asks <paramref name="httpClientSource"/> anew, so a
    /// client from <see cref="IHttpClientFactory"/> follows its handler rotation, and builds a Refit client only when
    /// the source hands out another <see cref="HttpClient"/> than the last one.
    /// </summary>
    public static Func<TApi> Over<TApi>(Func<HttpClient> httpClientSource, JsonSerializerContext jsonContext)
    {
        var settings = Settings(jsonContext);
        Built<TApi>? last = null;
        return () =>
        {
            var httpClient = httpClientSource();
            var built = Volatile.Read(ref last);
            if (built is null || !ReferenceEquals(built.HttpClient, httpClient))
            {
                built = new Built<TApi>(httpClient, RestService.ForGenerated<TApi>(httpClient, settings));
                Volatile.Write(ref last, built);
            }

            return built.Api;
        };
    }

    /// <summary>One <typeparamref name="TApi"/> client over an <see cref="HttpClient"/> the caller keeps for its lifetime.</summary>
    public static Func<TApi> Over<TApi>(HttpClient httpClient, JsonSerializerContext jsonContext)
    {
        var api = RestService.ForGenerated<TApi>(httpClient, Settings(jsonContext));
        return () => api;
    }

    private sealed record Built<TApi>(HttpClient HttpClient, TApi Api);

    private static RefitSettings Settings(JsonSerializerContext jsonContext)
    {
        var settings = RefitSettings.ForJsonContext(jsonContext);

        // Bodies are serialized into bytes before sending: every retry attempt re-sends them, with a Content-Length.
        settings.Serialization.RequestBodySerialization = RequestBodySerializationMode.Buffered;

        // The executor classifies transport failures itself; no Refit exception type reaches a caller.
        settings.Exceptions.TransportExceptionFactory = (_, exception, _) => exception;
        return settings;
    }
}
