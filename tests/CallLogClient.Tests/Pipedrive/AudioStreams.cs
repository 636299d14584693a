namespace CallLogClient.Tests.Pipedrive;

/// <summary>Audio-like payloads and streams that report how the client used them.</summary>
internal static class AudioStreams
{
    /// <summary>Deterministic bytes that include CRLF and "--", which a multipart body must carry untouched.</summary>
    public static byte[] Bytes(int length)
    {
        var bytes = new byte[length];
        new Random(20240301).NextBytes(bytes);
        var multipartLookalike = "\r\n--boundary\r\n"u8;
        if (length >= 2 * multipartLookalike.Length)
        {
            multipartLookalike.CopyTo(bytes.AsSpan(length / 2));
        }

        return bytes;
    }
}

/// <summary>A forward-only stream over bytes (like a network or pipe stream) that counts what was read from it.</summary>
internal sealed class ForwardOnlyStream(byte[] data) : Stream
{
    private readonly MemoryStream inner = new(data, writable: false);

    public long BytesRead { get; private set; }

    public bool IsDisposed { get; private set; }

    public override bool CanRead => !IsDisposed;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Count(await inner.ReadAsync(buffer, cancellationToken));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        IsDisposed = true;
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private int Count(int read)
    {
        BytesRead += read;
        return read;
    }
}

internal static class StreamTestExtensions
{
    public static Stream DisposedForTest(this Stream stream)
    {
        stream.Dispose();
        return stream;
    }
}
