using Microsoft.Extensions.Logging;
using Polly;
using Polly.Timeout;

namespace CallLogClient.Http;

/// <summary>
/// Where a call enters the handler chain, the top of it: the call's state learns the method, the path, the JSON sent
/// and when the call started; the call's overall deadline starts; then the retry pipeline
/// (<see cref="CallResiliencePipeline"/>) makes the attempts, each one sent through the handlers below (authentication,
/// transport) by <see cref="AttemptAsync"/> within its own deadline.
/// </summary>
internal sealed partial class CallHandler(
    ResiliencePipeline<HttpResponseMessage> pipeline,
    CallLogClientOptions options,
    IProviderProtocol protocol,
    ILogger logger,
    IDisposable? owned = null) : DelegatingHandler
{
    private readonly TimeProvider timeProvider = options.TimeProvider;
    private readonly TimeSpan overallTimeout = options.Retry.OverallTimeout;
    private readonly TimeSpan attemptTimeout = options.Retry.AttemptTimeout;
    private readonly int maxResponseBodyBytes = options.MaxResponseBodyBytes;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
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

        using var deadline = Deadline.Start(overallTimeout, timeProvider, cancellationToken);
        var context = ResilienceContextPool.Shared.Get(deadline.Token);
        context.Properties.Set(CallResiliencePipeline.StateKey, state);
        try
        {
            var outcome = await pipeline.ExecuteOutcomeAsync(
                static (context, call) => call.Handler.AttemptAsync(call.Request, call.State, context.CancellationToken),
                context,
                (Handler: this, Request: request, State: state)).ConfigureAwait(false);
            if (deadline.Ended(outcome.Exception, cancellationToken))
            {
                state.OverallTimedOut = true;
                throw new TimeoutRejectedException(
                    "The call did not complete within its overall timeout.", overallTimeout, outcome.Exception!);
            }

            outcome.ThrowIfException();
            return outcome.Result!;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
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
