using System.Text;

namespace CallLogClient.Tests.Pipedrive;

/// <summary>
/// A stand-in for the network below the client's handler chain, for what WireMock cannot show: https addresses that
/// must not be dialled, and how the request body is pulled. Answers every request with <c>{"success":true,...}</c>.
/// </summary>
internal sealed class CapturingTransport(string responseJson = """{"success":true,"data":{"id":"captured"}}""") : HttpMessageHandler
{
    private readonly List<Uri> requestUris = [];

    public IReadOnlyList<Uri> RequestUris => requestUris;

    /// <summary>Called when a request reaches the transport, before its body is read.</summary>
    public Action<HttpRequestMessage>? OnSending { get; init; }

    /// <summary>Called for every chunk of body the transport reads.</summary>
    public Action<int>? OnBodyChunk { get; init; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        requestUris.Add(request.RequestUri!);
        OnSending?.Invoke(request);
        if (request.Content is not null)
        {
            await request.Content.CopyToAsync(new ChunkSink(OnBodyChunk), cancellationToken);
        }

        return new HttpResponseMessage(System.Net.HttpStatusCode.OK)
        {
            Content = new StringContent(responseJson, Encoding.UTF8, "application/json"),
            RequestMessage = request,
        };
    }

    private sealed class ChunkSink(Action<int>? onChunk) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override void Write(byte[] buffer, int offset, int count) => onChunk?.Invoke(count);

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            onChunk?.Invoke(buffer.Length);
            return ValueTask.CompletedTask;
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
