using System.Globalization;

namespace CallLogClient.Http;

/// <summary>
/// Reads a response body into memory inside its attempt, never more than the client's cap: a body that breaks off
/// fails the attempt (and may be retried), while one that is too long or cannot be decoded is cut and reported.
/// </summary>
internal static class ResponseBodyReader
{
    private const int InitialBufferSize = 16 * 1024;

    private static ReadOnlySpan<byte> Utf8ByteOrderMark => [0xEF, 0xBB, 0xBF];

    /// <summary>
    /// Replaces the response's content by a <see cref="BufferedContent"/> of at most <paramref name="maxBytes"/> bytes and
    /// returns what was wrong with the body (too long, not decodable), or <see langword="null"/> when it was read whole.
    /// </summary>
    public static async Task<string?> BufferAsync(HttpResponseMessage response, int maxBytes, CancellationToken cancellationToken)
    {
        var original = response.Content;
        var buffer = new byte[InitialSize(original.Headers.ContentLength, maxBytes)];
        var length = 0;
        string? problem = null;
        try
        {
            var stream = await original.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                while (length <= maxBytes)
                {
                    if (length == buffer.Length)
                    {
                        Array.Resize(ref buffer, (int)Math.Min((long)buffer.Length * 2, maxBytes + 1L));
                    }

                    var read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
                    if (read == 0)
                    {
                        break;
                    }

                    length += read;
                }
            }

            if (length > maxBytes)
            {
                length = maxBytes;
                problem = string.Create(
                    CultureInfo.InvariantCulture,
                    $"The response body is longer than the client reads ({maxBytes:N0} bytes, CallLogClientOptions.MaxResponseBodyBytes).");
            }
        }
        catch (IOException exception)
        {
            // As LoadIntoBufferAsync reports it: a body cut off or reset is a failed exchange, classified like one.
            var error = exception is HttpIOException http ? http.HttpRequestError : HttpRequestError.Unknown;
            throw new HttpRequestException(error, "The response body could not be read.", exception);
        }
        catch (Exception exception) when (exception is InvalidDataException or InvalidOperationException) // Brotli says the latter
        {
            length = 0;
            problem = "The response body could not be decoded: it is not compressed the way its Content-Encoding says.";
        }

        var offset = buffer.AsSpan(0, length).StartsWith(Utf8ByteOrderMark) ? Utf8ByteOrderMark.Length : 0;
        var buffered = new BufferedContent(buffer, offset, length - offset);
        foreach (var header in original.Headers.NonValidated)
        {
            if (header.Key is "Content-Length" or "Content-Encoding")
            {
                continue;
            }

            // One value (Content-Type, nearly always the only one) as a string: the enumerable overload boxes and iterates.
            _ = header.Value.Count == 1
                ? buffered.Headers.TryAddWithoutValidation(header.Key, header.Value.ToString())
                : buffered.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        response.Content = buffered;
        original.Dispose();
        return problem;
    }

    /// <summary>The body of a response the resilience handler has buffered.</summary>
    public static ReadOnlyMemory<byte> BodyOf(HttpResponseMessage response) => response.Content is BufferedContent buffered
        ? buffered.Body
        : throw new InvalidOperationException("Responses must come through the client's resilience handler, which buffers them.");

    private static int InitialSize(long? declaredLength, int maxBytes) =>
        declaredLength is { } declared and >= 0 and < InitialBufferSize * 64
            ? (int)Math.Min(declared + 1, maxBytes + 1L)
            : InitialBufferSize;
}
