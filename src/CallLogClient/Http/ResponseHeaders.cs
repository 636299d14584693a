namespace CallLogClient.Http;

/// <summary>Reads the provider-neutral response headers.</summary>
internal static class ResponseHeaders
{
    private static readonly string[] RequestIdHeaders = ["x-request-id", "request-id", "x-correlation-id", "cf-ray"];

    public static string? RequestId(HttpResponseMessage response)
    {
        foreach (var name in RequestIdHeaders)
        {
            if (response.Headers.NonValidated.TryGetValues(name, out var values))
            {
                return values.ToString();
            }
        }

        return null;
    }
}
