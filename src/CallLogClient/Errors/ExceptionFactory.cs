using System.Globalization;
using System.Net;
using CallLogClient.Http;

namespace CallLogClient.Errors;

/// <summary>Turns a failed call into the one exception type a caller acts on.</summary>
internal static class ExceptionFactory
{
    public static CallLogApiException FromStatus(CallLogErrorDetails details, RequestState state, DateTimeOffset now, string? redirectHost)
    {
        var status = details.StatusCode!.Value;
        if ((int)status is >= 300 and < 400)
        {
            return new CallLogRedirectException(details, redirectHost);
        }

        if (state.Request.Replay == ReplayPolicy.CreateOnce && FailureClassifier.MayHaveBeenProcessed(status))
        {
            return new CallLogOutcomeUnknownException(details, state.Request.Model, state.LastAttemptSentAt);
        }

        return status switch
        {
            HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity => new CallLogValidationException(details),
            HttpStatusCode.Unauthorized => new CallLogAuthenticationException(details),
            HttpStatusCode.PaymentRequired or HttpStatusCode.Forbidden => new CallLogPermissionException(details),
            HttpStatusCode.NotFound or HttpStatusCode.Gone => new CallLogNotFoundException(details),
            HttpStatusCode.Conflict => new CallLogConflictException(details),
            HttpStatusCode.TooManyRequests => RateLimited(details, state, now),
            >= HttpStatusCode.InternalServerError => new CallLogServiceUnavailableException(details),
            _ => new CallLogApiException(details),
        };
    }

    public static CallLogApiException FromTransportFailure(CallLogErrorDetails details, RequestState state, Exception failure)
    {
        var unknown = state.Request.Replay == ReplayPolicy.CreateOnce && state.MayHaveBeenProcessed;
        return unknown
            ? new CallLogOutcomeUnknownException(details, state.Request.Model, state.LastAttemptSentAt, failure)
            : new CallLogTransportException(details, failure);
    }

    /// <summary>
    /// The limit resets when the last response's hint says (Retry-After seconds or date, the provider's own hint),
    /// else when its rate-limit headers say; the message gives that time and why the client did not wait for it.
    /// </summary>
    private static CallLogRateLimitException RateLimited(CallLogErrorDetails details, RequestState state, DateTimeOffset now)
    {
        var resetsAt = state.ServerResumesAt ?? details.RateLimit?.ResetsAt;
        if (resetsAt is not { } at)
        {
            return new CallLogRateLimitException(details, resetsAt: null);
        }

        var advice = string.Create(
            CultureInfo.InvariantCulture,
            $"The limit resets at {at.UtcDateTime:u} (in {FailureClassifier.Format(at > now ? at - now : TimeSpan.Zero)}).");
        if (state.WaitRefusedBecause is { } reason)
        {
            advice += $" The client did not wait: that is {reason}.";
        }

        return new CallLogRateLimitException(details, resetsAt, advice);
    }
}
