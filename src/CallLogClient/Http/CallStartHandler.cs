namespace CallLogClient.Http;

/// <summary>
/// Where a call enters the handler chain, above the resilience handler: its state learns the method, the path, the
/// JSON sent and the start of the overall deadline, once for all attempts.
/// </summary>
internal sealed class CallStartHandler(TimeProvider timeProvider, IDisposable? owned = null) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var state = RequestState.Of(request)
            ?? throw new InvalidOperationException("Requests must be sent through the client's request executor.");
        state.Start(request, timeProvider.GetUtcNow());
        state.Request.Telemetry?.Started(request);

        // A request other than GET/HEAD always carries a body (Content-Length: 0 when it has none, as Python's requests
        // sends): SocketsHttpHandler silently re-sends a body-less request when the server closes without answering,
        // which would hide from the retry rules a DELETE the server may already have done.
        if (request.Content is null && request.Method != HttpMethod.Get && request.Method != HttpMethod.Head)
        {
            request.Content = new ByteArrayContent([]);
        }

        return base.SendAsync(request, cancellationToken);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            owned?.Dispose();
        }

        base.Dispose(disposing);
    }
}
