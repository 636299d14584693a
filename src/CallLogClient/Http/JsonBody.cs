using System.Net.Http.Headers;

namespace CallLogClient.Http;

/// <summary>A UTF-8 JSON request body, re-readable by every attempt.</summary>
internal static class JsonBody
{
    private static readonly MediaTypeHeaderValue MediaType = new("application/json") { CharSet = "utf-8" };

    public static Content From(byte[] utf8Json)
    {
        var content = new Content(utf8Json);
        content.Headers.ContentType = MediaType;
        return content;
    }

    /// <summary>The body's content, whose bytes the call's state keeps (for masking) without copying them.</summary>
    internal sealed class Content(byte[] utf8Json) : ByteArrayContent(utf8Json)
    {
        public ReadOnlyMemory<byte> Utf8Json { get; } = utf8Json;
    }
}
