using System.Buffers;

namespace CallLogClient.Benchmarks.Raw;

/// <summary>
/// A response body in an array rented from the shared pool; disposing it clears what the body wrote and gives the array
/// back, as the SDK does.
/// </summary>
internal readonly struct PooledBody(byte[] array, int length) : IDisposable
{
    public ReadOnlySpan<byte> Span => array.AsSpan(0, length);

    public void Dispose()
    {
        array.AsSpan(0, length).Clear();
        ArrayPool<byte>.Shared.Return(array);
    }
}
