using System.Diagnostics;
using CallLogClient.Calls;
using CallLogClient.Errors;

namespace CallLogClient.Diagnostics;

/// <summary>
/// The telemetry of one call of the call log writer: an internal span over its lookups, creates and completion (the
/// clients' call spans nest under it) and its duration. Its tags are constants and counts: never the call key, a number,
/// a note or the call log's id.
/// </summary>
internal sealed class WriterScope : IDisposable
{
    private readonly CallTelemetry telemetry;
    private readonly TimeProvider timeProvider;
    private readonly long startedAt;
    private readonly Activity? activity;
    private readonly KeyValuePair<string, object?> providerTag;
    private readonly KeyValuePair<string, object?> operationTag;

    private CallLogResult? result;
    private Exception? failure;
    private int creates;

    public WriterScope(CallTelemetry telemetry, CallLogProvider provider, string operation, TimeProvider timeProvider)
    {
        this.telemetry = telemetry;
        this.timeProvider = timeProvider;
        startedAt = timeProvider.GetTimestamp();
        providerTag = new(CallTelemetry.ProviderTag, CallTelemetry.ProviderName(provider));
        operationTag = new(CallTelemetry.OperationTag, operation);
        activity = CallTelemetry.Source.StartActivity("calllogclient.writer." + operation, ActivityKind.Internal);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(providerTag.Key, providerTag.Value);
            activity.SetTag(operationTag.Key, operationTag.Value);
        }
    }

    /// <summary>Create attempt <paramref name="attempt"/> (from 1) is about to be sent.</summary>
    public void CreateSent(int attempt) => creates = attempt;

    /// <summary>The create just sent ended with its outcome unknown.</summary>
    public void CreateOutcomeUnknown()
    {
        if (activity is { IsAllDataRequested: true })
        {
            activity.AddEvent(new ActivityEvent(
                "calllogclient.writer.create_outcome_unknown", tags: new ActivityTagsCollection { ["calllogclient.create.attempt"] = creates }));
        }
    }

    /// <summary>A lookup for the call key ended: it found the call log, or found none.</summary>
    public void LookedUp(bool found)
    {
        if (activity is { IsAllDataRequested: true })
        {
            activity.AddEvent(new ActivityEvent(
                "calllogclient.writer.lookup", tags: new ActivityTagsCollection { ["calllogclient.lookup.found"] = found }));
        }
    }

    /// <summary>The writer's answer to the caller.</summary>
    public void Written(CallLogResult answer) => result = answer;

    /// <summary>The writer's call ends with <paramref name="exception"/>, which the caller gets.</summary>
    public void Fail(Exception exception) => failure = exception;

    /// <summary>Records the duration and ends the span.</summary>
    public void Dispose()
    {
        var status = result is null ? null : StatusName(result.Status);
        var errorType = failure is null ? null : CallTelemetry.ErrorType(failure);
        var tags = CallTelemetry.DurationTags(providerTag, operationTag, failure);
        if (status is not null)
        {
            tags.Add(CallTelemetry.CallLogStatusTag, status);
        }

        telemetry.WriterDuration.Record(timeProvider.GetElapsedTime(startedAt).TotalSeconds, tags);
        if (activity is null)
        {
            return;
        }

        if (activity.IsAllDataRequested)
        {
            activity.SetTag(CallTelemetry.CreateAttemptsTag, creates);
            activity.SetTag(CallTelemetry.OutcomeUnknownTag, failure is CallLogOutcomeUnknownException);
            activity.SetTag(CallTelemetry.CallLogStatusTag, status);
            activity.SetTag(CallTelemetry.FieldsNotStoredTag, result?.NotStored.Count);
            activity.SetTag(CallTelemetry.ErrorTypeTag, errorType);
        }

        if (failure is not null)
        {
            activity.SetStatus(ActivityStatusCode.Error);
        }

        activity.Dispose();
    }

    private static string StatusName(CallLogStatus status) => status switch
    {
        CallLogStatus.Created => "created",
        CallLogStatus.CreatedAfterLookup => "created_after_lookup",
        CallLogStatus.AlreadyExisted => "already_existed",
        _ => "other",
    };
}
