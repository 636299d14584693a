using System.Collections.Frozen;
using System.Net;
using CallLogClient.Diagnostics;

namespace CallLogClient.Http;

/// <summary>One logical API call, before it becomes one or more HTTP attempts.</summary>
internal abstract class ApiRequest
{
    /// <summary>
    /// Calls the provider's Refit method, handing it the call's state to carry in the request options (the handler chain
    /// reads it there). The Refit client builds the request and sends it once; the handler chain makes the attempts.
    /// </summary>
    public abstract Task<HttpResponseMessage> Send(RequestState state, CancellationToken cancellationToken);

    /// <summary>Which public call this is, as its span and metrics name it.</summary>
    public required CallOperation Operation { get; init; }

    /// <summary>The call's span and measurements while the executor makes the call; null when nothing listens.</summary>
    public CallScope? Telemetry { get; set; }

    public ReplayPolicy Replay { get; init; } = ReplayPolicy.Idempotent;

    /// <summary>What the call costs against the provider's budget (Pipedrive token cost); 1 where no cost is documented.</summary>
    public int Cost { get; init; } = 1;

    /// <summary>
    /// Answers that, once an earlier attempt may have been processed, mean that attempt did the work: a DELETE then
    /// answered 404/410 deleted it, a recording upload then answered 409 stored it. Empty for every other call.
    /// </summary>
    public IReadOnlySet<HttpStatusCode> DoneByEarlierAttempt { get; init; } = FrozenSet<HttpStatusCode>.Empty;

    /// <summary>The caller's request model, handed back in an outcome-unknown exception.</summary>
    public object? Model { get; init; }

    /// <summary>The answers that mean an earlier attempt of a DELETE already deleted the resource.</summary>
    public static readonly IReadOnlySet<HttpStatusCode> DeletedByEarlierAttempt =
        new[] { HttpStatusCode.NotFound, HttpStatusCode.Gone }.ToFrozenSet();
}

/// <summary>
/// A call whose Refit method is a static function of its arguments (<typeparamref name="TArgs"/>, usually a tuple of the
/// client's Refit source and the call's values), so a call allocates no closure and no delegate.
/// </summary>
internal sealed class ApiRequest<TArgs>(TArgs args, Func<TArgs, RequestState, CancellationToken, Task<HttpResponseMessage>> send)
    : ApiRequest
{
    public override Task<HttpResponseMessage> Send(RequestState state, CancellationToken cancellationToken) =>
        send(args, state, cancellationToken);
}
