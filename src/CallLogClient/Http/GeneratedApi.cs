using System.Text.Json.Serialization;
using Refit;

namespace CallLogClient.Http;

/// <summary>A provider's source-generated Refit client, created over the <see cref="HttpClient"/> of the moment.</summary>
internal static class GeneratedApi
{
    /// <summary>
    /// A source of <typeparamref name="TApi"/> clients; each call asks <paramref name="httpClientSource"/> anew, so a
    /// client from <see cref="IHttpClientFactory"/> follows its handler rotation.
    /// </summary>
    public static Func<TApi> Over<TApi>(Func<HttpClient> httpClientSource, JsonSerializerContext jsonContext)
    {
        var settings = Settings(jsonContext);
        return () => RestService.ForGenerated<TApi>(httpClientSource(), settings);
    }

    /// <summary>One <typeparamref name="TApi"/> client over an <see cref="HttpClient"/> the caller keeps for its lifetime.</summary>
    public static Func<TApi> Over<TApi>(HttpClient httpClient, JsonSerializerContext jsonContext)
    {
        var api = RestService.ForGenerated<TApi>(httpClient, Settings(jsonContext));
        return () => api;
    }

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
