using System.Collections.Frozen;
using System.Net;

namespace CallLogClient.Http;

/// <summary>One logical API call, before it becomes one or more HTTP attempts.</summary>
internal sealed class ApiRequest
{
    public required HttpMethod Method { get; init; }

    /// <summary>The path relative to the base address, ids already escaped, no leading '/'.</summary>
    public required string Path { get; init; }

    /// <summary>The query string without '?', values already escaped; empty for none.</summary>
    public string Query { get; init; } = "";

    /// <summary>The body; reused by every attempt, so it must be re-readable (bytes, or a rewindable stream).</summary>
    public HttpContent? Content { get; init; }

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
