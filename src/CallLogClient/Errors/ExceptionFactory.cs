using System.Net;
using CallLogClient.Http;

namespace CallLogClient.Errors;

/// <summary>Turns a failed call into the one exception type a caller acts on.</summary>
internal static class ExceptionFactory
{
    public static CallLogApiException FromStatus(CallLogErrorDetails details, RequestState state, DateTimeOffset now)
    {
        var status = details.StatusCode!.Value;
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
            HttpStatusCode.TooManyRequests => new CallLogRateLimitException(details, ResetsAt(details, now)),
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

    private static DateTimeOffset? ResetsAt(CallLogErrorDetails details, DateTimeOffset now) =>
        details.RetryAfter is { } wait ? now + wait : details.RateLimit?.ResetsAt;
}
