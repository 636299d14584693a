using System.Net;
using System.Text;
using CallLogClient.RateLimiting;

namespace CallLogClient.Errors;

/// <summary>
/// A call to a CRM API failed. Carries what the provider said and what the client saw; never a credential,
/// a live request or a full response body.
/// </summary>
/// <remarks>Subclasses exist only where a caller acts differently; catch this type for everything else.</remarks>
public class CallLogApiException : Exception
{
    /// <summary>Creates the exception from the details of a failed call.</summary>
    /// <param name="details">What was sent and what came back.</param>
    /// <param name="innerException">The transport or parsing failure behind this one, if any.</param>
    public CallLogApiException(CallLogErrorDetails details, Exception? innerException = null)
        : this(details, advice: null, innerException)
    {
    }

    /// <summary>Creates the exception with a sentence of advice appended to the message.</summary>
    /// <param name="details">What was sent and what came back.</param>
    /// <param name="advice">What the caller should do next, appended to the message.</param>
    /// <param name="innerException">The transport or parsing failure behind this one, if any.</param>
    protected CallLogApiException(CallLogErrorDetails details, string? advice, Exception? innerException)
        : base(ComposeMessage(details, advice), innerException)
    {
        ArgumentNullException.ThrowIfNull(details);
        Details = details;
    }

    /// <summary>Everything known about the failed call.</summary>
    public CallLogErrorDetails Details { get; }

    /// <summary>The CRM that was called.</summary>
    public CallLogProvider Provider => Details.Provider;

    /// <summary>The HTTP status of the last response, or <see langword="null"/> when no response arrived.</summary>
    public HttpStatusCode? StatusCode => Details.StatusCode;

    /// <summary>The provider's machine-readable error code (Pipedrive <c>code</c>/<c>errorCode</c>), if any.</summary>
    public string? ErrorCode => Details.ErrorCode;

    /// <summary>
    /// The provider's error text, phone numbers masked; when no response arrived, what went wrong in the client's
    /// words (e.g. "the connection was reset").
    /// </summary>
    public string? ErrorMessage => Details.ErrorMessage;

    /// <summary>Field-level validation messages by field name (Close <c>field-errors</c>); empty when none.</summary>
    public IReadOnlyDictionary<string, string> FieldErrors => Details.FieldErrors;

    /// <summary>The provider's request id (from the response headers), for support tickets.</summary>
    public string? RequestId => Details.RequestId;

    /// <summary>The delay the server asked for before trying again, if it named one.</summary>
    public TimeSpan? RetryAfter => Details.RetryAfter;

    /// <summary>The rate-limit state the last response reported, if any.</summary>
    public RateLimitInfo? RateLimit => Details.RateLimit;

    /// <summary>How many attempts were sent before giving up: 1 when nothing was retried, 0 when nothing was sent.</summary>
    public int Attempts => Details.Attempts;

    private static string ComposeMessage(CallLogErrorDetails details, string? advice)
    {
        ArgumentNullException.ThrowIfNull(details);
        var text = new StringBuilder();
        text.Append(details.Provider).Append(' ').Append(details.Method).Append(' ').Append(details.RequestPath);
        if (details.StatusCode is { } status)
        {
            text.Append(" failed with ").Append((int)status).Append(" (").Append(status).Append(')');
        }
        else
        {
            text.Append(" failed before a response arrived");
        }

        if (!string.IsNullOrWhiteSpace(details.ErrorMessage))
        {
            text.Append(": ").Append(details.ErrorMessage);
        }

        if (details.FieldErrors.Count > 0)
        {
            text.Append(" [fields: ").AppendJoin(", ", details.FieldErrors.Keys).Append(']');
        }

        if (details.Attempts > 1)
        {
            text.Append(" after ").Append(details.Attempts).Append(" attempts");
        }

        if (details.RequestId is not null)
        {
            text.Append(" (request id ").Append(details.RequestId).Append(')');
        }

        if (!".!?".Contains(text[^1], StringComparison.Ordinal))
        {
            text.Append('.');
        }

        if (advice is not null)
        {
            text.Append(' ').Append(advice);
        }

        return text.ToString();
    }
}
