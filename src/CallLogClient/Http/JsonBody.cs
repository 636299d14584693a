using System.Net.Http.Headers;

namespace CallLogClient.Http;

/// <summary>A UTF-8 JSON request body, re-readable by every attempt.</summary>
internal static class JsonBody
{
    private static readonly MediaTypeHeaderValue MediaType = new("application/json") { CharSet = "utf-8" };

    public static ByteArrayContent From(byte[] utf8Json)
    {
        var content = new ByteArrayContent(utf8Json);
        content.Headers.ContentType = MediaType;
        return content;
    }
}
