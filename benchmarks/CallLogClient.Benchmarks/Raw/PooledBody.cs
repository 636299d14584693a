using System.Buffers;

namespace CallLogClient.Benchmarks.Raw;

/// <summary>A response body in an array rented from the shared pool; disposing it gives the array back.</summary>
internal readonly struct PooledBody(byte[] array, int length) : IDisposable
{
    public ReadOnlySpan<byte> Span => array.AsSpan(0, length);

    public void Dispose() => ArrayPool<byte>.Shared.Return(array);
}
