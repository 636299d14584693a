using System.Buffers;
using System.Globalization;

namespace CallLogClient.Http;

/// <summary>
/// Reads a response body into memory inside its attempt, never more than the client's cap: a body that breaks off
/// fails the attempt (and may be retried), while one that is too long or cannot be decoded is cut and reported.
/// </summary>
/// <remarks>
/// A body up to 1 MB goes into an array rented from the shared pool, which the call's state gives back when the call
/// ends (<see cref="Release"/>): a fresh array for every Close page (about 200 KB, on the large object heap) cost more in
/// page faults than reading it did. What a body wrote is cleared before its array goes back, so no call's data (phone
/// numbers, notes) lingers in the pool. A larger body (up to the cap, 16 MB by default) gets an array of its own, so
/// the pool never keeps one that size.
/// </remarks>
internal static class ResponseBodyReader
{
    private const int InitialBufferSize = 16 * 1024;

    private const int MaxPooledLength = 1024 * 1024;

    private static ReadOnlySpan<byte> Utf8ByteOrderMark => [0xEF, 0xBB, 0xBF];

    /// <summary>
    /// Reads <paramref name="content"/> to its end, at most <paramref name="maxBytes"/> bytes, decompressed and without a
    /// UTF-8 byte-order mark; the problem is what was wrong with the body (too long, not decodable), or
    /// <see langword="null"/> when it was read whole.
    /// </summary>
    public static async ValueTask<ResponseBody> ReadAsync(HttpContent content, int maxBytes, CancellationToken cancellationToken)
    {
        var buffer = Rent(InitialSize(content.Headers.ContentLength, maxBytes));
        var length = 0;
        var used = 0; // how much of the buffer was written: cleared when it goes back
        string? problem = null;
        try
        {
            var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                while (length <= maxBytes)
                {
                    if (length == buffer.Length)
                    {
                        buffer = Grow(buffer, (int)Math.Min((long)buffer.Length * 2, maxBytes + 1L));
                    }

                    var read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
                    if (read == 0)
                    {
                        break;
                    }

                    length += read;
                }
            }

            used = length;
            if (length > maxBytes)
            {
                length = maxBytes;
                problem = string.Create(
                    CultureInfo.InvariantCulture,
                    $"The response body is longer than the client reads ({maxBytes:N0} bytes, CallLogClientOptions.MaxResponseBodyBytes).");
            }
        }
        catch (Exception exception) when (exception is InvalidDataException or InvalidOperationException) // Brotli says the latter
        {
            (length, used) = (0, buffer.Length);
            problem = "The response body could not be decoded: it is not compressed the way its Content-Encoding says.";
        }
        catch (Exception exception)
        {
            Release(buffer, buffer.Length);
            if (exception is not IOException)
            {
                throw;
            }

            // As LoadIntoBufferAsync reports it: a body cut off or reset is a failed exchange, classified like one.
            var error = exception is HttpIOException http ? http.HttpRequestError : HttpRequestError.Unknown;
            throw new HttpRequestException(error, "The response body could not be read.", exception);
        }

        var offset = buffer.AsSpan(0, length).StartsWith(Utf8ByteOrderMark) ? Utf8ByteOrderMark.Length : 0;
        return new ResponseBody(buffer, used, buffer.AsMemory(offset, length - offset), problem);
    }

    /// <summary>Gives back the array a body was read into, once the call is done with it; its first <paramref name="used"/> bytes are cleared.</summary>
    public static void Release(byte[] buffer, int used)
    {
        if (buffer.Length <= MaxPooledLength)
        {
            buffer.AsSpan(0, used).Clear();
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static byte[] Rent(int size) => size <= MaxPooledLength ? ArrayPool<byte>.Shared.Rent(size) : new byte[size];

    private static byte[] Grow(byte[] buffer, int size)
    {
        var larger = Rent(size);
        buffer.AsSpan().CopyTo(larger);
        Release(buffer, buffer.Length);
        return larger;
    }

    private static int InitialSize(long? declaredLength, int maxBytes) =>
        declaredLength is { } declared and >= 0 and < InitialBufferSize * 64
            ? (int)Math.Min(declared + 1, maxBytes + 1L)
            : InitialBufferSize;
}
