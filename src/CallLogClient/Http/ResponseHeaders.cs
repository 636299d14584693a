using CallLogClient.Diagnostics;

namespace CallLogClient.Http;

/// <summary>Reads the provider-neutral response headers.</summary>
internal static class ResponseHeaders
{
    private const int MaxRequestIdLength = 128;

    private static readonly string[] RequestIdHeaders = ["x-request-id", "request-id", "x-correlation-id", "cf-ray"];

    /// <summary>The request id, cleaned of control characters and of the secrets the request carried, and cut to 128 characters.</summary>
    public static string? RequestId(HttpResponseMessage response, IReadOnlyList<string> secrets)
    {
        foreach (var name in RequestIdHeaders)
        {
            if (response.Headers.NonValidated.TryGetValues(name, out var values))
            {
                var id = Redactor.CleanServerText(values.ToString(), secrets)!;
                return id.Length <= MaxRequestIdLength ? id : id[..MaxRequestIdLength] + "…";
            }
        }

        return null;
    }

    /// <summary>Where a redirect pointed: the host (and port) of its <c>Location</c>, never its path or query.</summary>
    public static string? RedirectHost(HttpResponseMessage response, IReadOnlyList<string> secrets)
    {
        var location = response.Headers.Location;
        if (location is null)
        {
            return null;
        }

        var host = location.IsAbsoluteUri ? location.Authority : "the same host";
        return Redactor.CleanServerText(host.Length <= MaxRequestIdLength ? host : host[..MaxRequestIdLength] + "…", secrets);
    }
}
