using System.Diagnostics;
using System.Globalization;
using System.Net;
using CallLogClient.Errors;
using CallLogClient.RateLimiting;

namespace CallLogClient.Diagnostics;

/// <summary>
/// The telemetry of one public call: its span (current while the call runs, so the per-attempt System.Net.Http spans
/// nest under it) and its measurements. The handler chain reports to it through the call's <c>ApiRequest</c>; the client
/// ends it with the answer or the exception the caller gets.
/// </summary>
internal sealed class CallScope : IDisposable
{
    private readonly CallTelemetry telemetry;
    private readonly CallOperation operation;
    private readonly TimeProvider timeProvider;
    private readonly long startedAt;
    private readonly Activity? activity;

    private Exception? failure;
    private HttpStatusCode? status;
    private string? requestId;
    private int attempts;
    private RateLimitInfo? rateLimit;
    private string? host;
    private int port;
    private bool ended;

    public CallScope(CallTelemetry telemetry, CallOperation operation, TimeProvider timeProvider)
    {
        this.telemetry = telemetry;
        this.operation = operation;
        this.timeProvider = timeProvider;
        startedAt = timeProvider.GetTimestamp();
        activity = CallTelemetry.Source.StartActivity(operation.SpanName, ActivityKind.Client);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(CallTelemetry.ProviderTag, operation.ProviderName);
            activity.SetTag(CallTelemetry.OperationTag, operation.Name);
            activity.SetTag(CallTelemetry.MethodTag, operation.Method);
        }
    }

    /// <summary>The call entered the handler chain: where it goes (host and port only).</summary>
    public void Started(HttpRequestMessage request)
    {
        if (request.RequestUri is not { IsAbsoluteUri: true } uri)
        {
            return;
        }

        host = uri.IdnHost;
        port = uri.Port;
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(CallTelemetry.ServerAddressTag, host);
            activity.SetTag(CallTelemetry.ServerPortTag, port);
        }
    }

    /// <summary>An attempt failed and will be sent again after <paramref name="delay"/>, the server's hint when it gave one.</summary>
    public void Retrying(int failedAttempt, TimeSpan delay, HttpStatusCode? answer, Exception? exception, bool serverHint)
    {
        var errorType = answer is { } code ? StatusText(code) : exception is null ? "_OTHER" : CallTelemetry.ErrorType(exception);
        telemetry.Retries.Add(1, operation.ProviderTag, operation.OperationTag,
            Tag(CallTelemetry.ErrorTypeTag, errorType));
        if (serverHint)
        {
            telemetry.ServerHintWait.Record(
                delay.TotalSeconds, operation.ProviderTag, operation.OperationTag);
        }

        if (activity is not { IsAllDataRequested: true })
        {
            return;
        }

        var tags = new ActivityTagsCollection
        {
            ["calllogclient.retry.attempt"] = failedAttempt,
            ["calllogclient.retry.delay"] = delay.TotalSeconds,
            ["calllogclient.retry.server_hint"] = serverHint,
            [CallTelemetry.ErrorTypeTag] = errorType,
        };
        if (answer is { } status)
        {
            tags[CallTelemetry.StatusCodeTag] = (int)status;
        }

        activity.AddEvent(new ActivityEvent("calllogclient.retry", tags: tags));
        if (serverHint)
        {
            activity.AddEvent(new ActivityEvent(
                "calllogclient.server_hint_wait", tags: new ActivityTagsCollection { ["calllogclient.wait.duration"] = delay.TotalSeconds }));
        }
    }

    /// <summary>The server asked for a wait the client would not take (past the cap or the call's deadline); the call fails.</summary>
    public void ServerHintRefused(TimeSpan hint) =>
        activity?.AddEvent(new ActivityEvent(
            "calllogclient.server_hint_refused", tags: new ActivityTagsCollection { ["calllogclient.wait.duration"] = hint.TotalSeconds }));

    /// <summary>An attempt was answered 429.</summary>
    public void RateLimited() =>
        telemetry.RateLimitedResponses.Add(
            1, operation.ProviderTag, operation.OperationTag);

    /// <summary>A timestamp of the call's clock, to pass back to <see cref="BudgetWaited"/>.</summary>
    public long Timestamp() => timeProvider.GetTimestamp();

    /// <summary>An attempt waited for the client-side budget since <paramref name="since"/>.</summary>
    public void BudgetWaited(long since)
    {
        var waited = timeProvider.GetElapsedTime(since).TotalSeconds;
        telemetry.BudgetWait.Record(waited, operation.ProviderTag, operation.OperationTag);
        activity?.AddEvent(new ActivityEvent(
            "calllogclient.budget_wait", tags: new ActivityTagsCollection { ["calllogclient.wait.duration"] = waited }));
    }

    /// <summary>A list page was fetched and parsed.</summary>
    public void PageRead() =>
        telemetry.Pages.Add(1, operation.ProviderTag, operation.OperationTag);

    /// <summary>The call got its answer (a success, or a 404 that proves an earlier attempt of a delete did it).</summary>
    public void Answered(HttpStatusCode answer, string? id, int attemptCount, RateLimitInfo? limits)
    {
        status = answer;
        requestId = id;
        attempts = attemptCount;
        rateLimit = limits;
    }

    /// <summary>The call ends with <paramref name="exception"/>, which the caller gets.</summary>
    public void Fail(Exception exception)
    {
        failure = exception;
        if (exception is CallLogApiException api)
        {
            status = api.StatusCode;
            requestId = api.RequestId ?? requestId;
            attempts = api.Attempts;
            rateLimit = api.RateLimit ?? rateLimit;
        }
    }

    /// <summary>Records the call's duration and ends its span.</summary>
    public void Dispose()
    {
        if (ended)
        {
            return;
        }

        ended = true;
        var outcomeUnknown = failure is CallLogOutcomeUnknownException;
        var errorType = failure is null ? null : CallTelemetry.ErrorType(failure);
        if (host is not null && rateLimit?.Remaining is { } left)
        {
            telemetry.RecordRemaining(operation, host, port, left);
        }

        telemetry.CallDuration.Record(
            timeProvider.GetElapsedTime(startedAt).TotalSeconds, CallTelemetry.DurationTags(operation.ProviderTag, operation.OperationTag, failure));
        if (activity is null)
        {
            return;
        }

        if (activity.IsAllDataRequested)
        {
            activity.SetTag(CallTelemetry.AttemptsTag, attempts);
            activity.SetTag(CallTelemetry.OutcomeUnknownTag, outcomeUnknown);
            if (status is { } code)
            {
                activity.SetTag(CallTelemetry.StatusCodeTag, (int)code);
            }

            if (requestId is not null)
            {
                activity.SetTag(CallTelemetry.RequestIdTag, requestId);
            }

            if (errorType is not null)
            {
                activity.SetTag(CallTelemetry.ErrorTypeTag, errorType);
            }
        }

        if (failure is not null)
        {
            activity.SetStatus(ActivityStatusCode.Error);
        }

        activity.Dispose();
    }

    private static string StatusText(HttpStatusCode status) => ((int)status).ToString(CultureInfo.InvariantCulture);

    private static KeyValuePair<string, object?> Tag(string name, object? value) => new(name, value);
}
