using System.Net;
using CallLogClient.RateLimiting;

namespace CallLogClient.Errors;

/// <summary>What is known about a failed call: the request line, the response status and the provider's error.</summary>
/// <remarks>Built by the client; public so that tests and wrappers can create exceptions of their own.</remarks>
public sealed record CallLogErrorDetails
{
    /// <summary>The CRM that was called.</summary>
    public required CallLogProvider Provider { get; init; }

    /// <summary>The HTTP method of the request.</summary>
    public required string Method { get; init; }

    /// <summary>The request path without query string or host (no secret is ever in it).</summary>
    public required string RequestPath { get; init; }

    /// <summary>The HTTP status of the last response, or <see langword="null"/> when none arrived.</summary>
    public HttpStatusCode? StatusCode { get; init; }

    /// <summary>The provider's machine-readable error code, if any.</summary>
    public string? ErrorCode { get; init; }

    /// <summary>The provider's error text, phone numbers masked; without a response, what went wrong in the client's words.</summary>
    public string? ErrorMessage { get; init; }

    /// <summary>Field-level validation messages by field name.</summary>
    public IReadOnlyDictionary<string, string> FieldErrors { get; init; } = EmptyFieldErrors;

    /// <summary>The provider's request id, if the response carried one.</summary>
    public string? RequestId { get; init; }

    /// <summary>The delay the server asked for, if any.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>The rate-limit state of the last response, if any.</summary>
    public RateLimitInfo? RateLimit { get; init; }

    /// <summary>How many attempts were sent (0 when the call failed before sending anything).</summary>
    public int Attempts { get; init; } = 1;

    /// <summary>
    /// The start of the response body (at most 512 characters) for diagnostics, with notes, phone numbers, recording
    /// URLs, transcripts and anything the request carried of them masked.
    /// </summary>
    public string? ResponseSnippet { get; init; }

    private static readonly IReadOnlyDictionary<string, string> EmptyFieldErrors = new Dictionary<string, string>();

    /// <summary>The request line and status only; the snippet, error text and field errors stay in their properties.</summary>
    /// <returns>For example <c>Pipedrive POST /v1/callLogs → 500, 1 attempt(s)</c>.</returns>
    public override string ToString() =>
        $"{Provider} {Method} {RequestPath} → {(StatusCode is { } status ? ((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture) : "no response")}, {Attempts} attempt(s)";
}
