using System.Buffers;
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
    /// Reads the body once into an array rented from the shared pool, of its declared length, as the SDK does (the call
    /// is sent with <see cref="HttpCompletionOption.ResponseHeadersRead"/>); the caller gives it back, cleared, by disposing it.
    /// <see cref="HttpContent.ReadAsByteArrayAsync()"/> would hold the body twice on .NET 10 (its buffer, then a copy), and
    /// a new array for every Close page (about 200 KB, on the large object heap) costs page faults and gen-2 collections.
    /// </summary>
    public static async Task<PooledBody> ReadBodyAsync(HttpResponseMessage response)
    {
        var declared = response.Content.Headers.ContentLength;
        var buffer = ArrayPool<byte>.Shared.Rent(declared is { } length and < int.MaxValue ? (int)length + 1 : 16 * 1024);
        var read = 0;
        var stream = await response.Content.ReadAsStreamAsync();
        await using (stream)
        {
            while (true)
            {
                if (read == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan().CopyTo(larger);
                    buffer.AsSpan().Clear();
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var count = await stream.ReadAsync(buffer.AsMemory(read));
                if (count == 0)
                {
                    return new PooledBody(buffer, read);
                }

                read += count;
            }
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
