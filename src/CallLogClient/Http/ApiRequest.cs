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

    /// <summary>The caller's request model, handed back in an outcome-unknown exception.</summary>
    public object? Model { get; init; }
}
