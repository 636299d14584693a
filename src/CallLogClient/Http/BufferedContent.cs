using System.Net;

namespace CallLogClient.Http;

/// <summary>A response body already read into memory (bounded, decompressed, without a UTF-8 byte-order mark).</summary>
internal sealed class BufferedContent(byte[] buffer, int offset, int length) : HttpContent
{
    public ReadOnlyMemory<byte> Body => buffer.AsMemory(offset, length);

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        stream.WriteAsync(Body).AsTask();

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken) =>
        stream.WriteAsync(Body, cancellationToken).AsTask();

    protected override bool TryComputeLength(out long length)
    {
        length = Body.Length;
        return true;
    }
}
