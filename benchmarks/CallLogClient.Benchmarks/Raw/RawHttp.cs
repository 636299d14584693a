using System.Reflection;
using System.Runtime.InteropServices;
using System.Text;

namespace CallLogClient.Benchmarks.Raw;

/// <summary>The raw side's <see cref="HttpClient"/>: the SDK's base address and User-Agent, over the canned transport.</summary>
internal static class RawHttp
{
    /// <summary>The User-Agent the SDK sends (<c>CallLogClient/{version} (.NET {version}; {OS})</c>), built the same way.</summary>
    public static readonly string UserAgent =
        $"CallLogClient/{typeof(Pipedrive.PipedriveCallLogsClient).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0"}"
        + $" ({RuntimeInformation.FrameworkDescription}; {RuntimeInformation.OSDescription})";

    /// <summary>
    /// A client over <paramref name="handler"/>. Its timeout stays HttpClient's default (100 s): the raw caller's
    /// counterpart of the SDK's own timeouts.
    /// </summary>
    public static HttpClient Create(HttpMessageHandler handler, Uri baseAddress, bool disposeHandler = true)
    {
        var client = new HttpClient(handler, disposeHandler) { BaseAddress = baseAddress };
        client.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", UserAgent);
        return client;
    }

    /// <summary>Close's Basic parameter for an API key: <c>base64("key:")</c>, computed once as the SDK's credential does.</summary>
    public static string CloseBasicParameter(string apiKey) => Convert.ToBase64String(Encoding.UTF8.GetBytes(apiKey + ":"));

    /// <summary>
    /// Reads the body once into an array of its declared length, as the SDK does (the call is sent with
    /// <see cref="HttpCompletionOption.ResponseHeadersRead"/>). <see cref="HttpContent.ReadAsByteArrayAsync()"/> would
    /// hold the body twice on .NET 10 (its buffer, then a copy) and make the raw side look worse than it need be.
    /// </summary>
    public static async Task<byte[]> ReadBodyAsync(HttpResponseMessage response)
    {
        var length = response.Content.Headers.ContentLength;
        var stream = await response.Content.ReadAsStreamAsync();
        await using (stream)
        {
            if (length is { } declared and <= int.MaxValue)
            {
                var body = new byte[declared];
                await stream.ReadExactlyAsync(body);
                return body;
            }

            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy);
            return copy.ToArray();
        }
    }

    /// <summary>Fails the call on a non-2xx status, as the SDK does (without its typed exceptions).</summary>
    public static void EnsureSuccess(HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"HTTP {(int)response.StatusCode}", inner: null, response.StatusCode);
        }
    }
}
