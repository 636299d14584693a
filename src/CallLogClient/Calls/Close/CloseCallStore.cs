using System.Runtime.CompilerServices;
using CallLogClient.Close;
using CallLogClient.Close.Models;
using CallLogClient.Close.Outcomes;

namespace CallLogClient.Calls.Close;

/// <summary>
/// Close behind <see cref="CallLogWriter"/>: a record becomes a logged call activity (the remote number only, no end
/// time, no disposition, a recording URL); a lookup reads the lead's calls in a narrow <c>date_created</c> window.
/// </summary>
internal sealed class CloseCallStore(ICloseCallActivitiesClient client, ICloseOutcomesClient? outcomes, CallLogWriterOptions options) : ICallStore
{
    private const int PageSize = 100;

    public CallLogProvider Provider => CallLogProvider.Close;

    public PreparedCall Prepare(CallRecord record, string? callKey)
    {
        var (start, end, duration) = RecordChecks.Times(record);
        var remote = RecordChecks.RemoteNumber(record);
        if (callKey is not null && record.Links.CloseLeadId is not { Length: > 0 })
        {
            throw RecordChecks.Invalid("Links.CloseLeadId", "Links.CloseLeadId is required: Close's lookup reads the calls of the lead.");
        }

        var notStored = new List<CallFieldNotStored>();
        if (record.LocalNumber is not null)
        {
            notStored.Add(new(
                record.Direction == CallDirection.Inbound ? "ToNumber" : "FromNumber",
                "Close keeps only the remote party's number (phone) on a logged call."));
        }

        if (record.TalkDuration is { } talk && talk != end - start)
        {
            notStored.Add(new("End", "Close keeps no end time; the call reads back as ending at its start plus the talk duration."));
        }

        var (status, outcomeId) = Outcome(record, notStored);
        if (record.Subject is not null)
        {
            notStored.Add(new("Subject", "Close calls have no subject."));
        }

        foreach (var (field, set) in new[]
        {
            ("Links.PipedrivePersonId", record.Links.PipedrivePersonId is not null),
            ("Links.PipedriveOrgId", record.Links.PipedriveOrgId is not null),
            ("Links.PipedriveDealId", record.Links.PipedriveDealId is not null),
            ("Links.PipedriveLeadId", record.Links.PipedriveLeadId is not null),
        })
        {
            if (set)
            {
                notStored.Add(new(field, "A Pipedrive link means nothing to Close."));
            }
        }

        if (record.Recording is { Audio: not null })
        {
            notStored.Add(new("Recording", "Close takes a recording URL, not an upload; the audio was not sent."));
        }

        var (note, noteHtml) = Notes(record, callKey, notStored);
        var request = new CloseCreateCallRequest
        {
            LeadId = record.Links.CloseLeadId,
            ContactId = record.Links.CloseContactId,
            UserId = record.UserId,
            Direction = record.Direction switch
            {
                CallDirection.Inbound => CloseCallDirection.Inbound,
                CallDirection.Outbound => CloseCallDirection.Outbound,
                _ => (CloseCallDirection?)null,
            },
            Status = status,
            Duration = TimeSpan.FromSeconds(Math.Floor(duration.TotalSeconds)),
            Phone = remote,
            RecordingUrl = record.Recording?.Url,
            NoteHtml = noteHtml,
            Note = note,
            OutcomeId = outcomeId,
            ActivityAt = start,
        };
        return new PreparedCall(record, request, notStored);
    }

    public async Task<string> CreateAsync(PreparedCall call, CancellationToken cancellationToken) =>
        (await client.CreateAsync((CloseCreateCallRequest)call.Request, cancellationToken).ConfigureAwait(false)).Id;

    public async Task<IReadOnlyList<FoundCall>> FindAsync(
        PreparedCall call, string callKey, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var request = (CloseCreateCallRequest)call.Request;
        var now = options.TimeProvider.GetUtcNow();
        var query = new CloseCallQuery
        {
            LeadIds = [request.LeadId!],
            DateCreated = CloseDateRange.Between(since - options.CloseLookupClockSkew, now + options.CloseLookupClockSkew),
        };
        var matches = new List<FoundCall>();
        await foreach (var activity in client.ListAllAsync(query, PageSize, cancellationToken).ConfigureAwait(false))
        {
            if (CallMatching.SameNumber(activity.Phone ?? activity.RemotePhone, request.Phone)
                && CallMatching.SameSecond(activity.ActivityAt, request.ActivityAt)
                && CallMatching.SameWholeSeconds(activity.Duration, request.Duration)
                && (CallKey.IsIn(activity.NoteHtml, callKey) || CallKey.IsIn(activity.Note, callKey)))
            {
                matches.Add(new FoundCall(activity.Id, activity.HasRecording));
            }
        }

        return matches;
    }

    public Task CompleteAsync(string id, PreparedCall call, FoundCall? found, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task AttachRecordingAsync(string id, CallRecording recording, CancellationToken cancellationToken) =>
        recording.Url is { } url
            ? client.UpdateAsync(id, new CloseUpdateCallRequest { RecordingUrl = url }, cancellationToken)
            : throw new CallLogNotSupportedException(
                Provider, "Recording", "Close takes a recording URL (CallRecording.FromUrl), not an upload; host the audio and pass its https address.");

    public Task DeleteAsync(string id, CancellationToken cancellationToken) => client.DeleteAsync(id, cancellationToken);

    public async IAsyncEnumerable<CallRecord> ReadAsync(
        DateTimeOffset since, DateTimeOffset until, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var query = new CloseCallQuery { DateCreated = CloseDateRange.Between(since, until) };
        await foreach (var activity in client.ListAllByDateWindowsAsync(query, PageSize, cancellationToken).ConfigureAwait(false))
        {
            var name = activity.OutcomeId is { Length: > 0 } id && outcomes is not null
                ? (await outcomes.FindAsync(id, cancellationToken).ConfigureAwait(false))?.Name
                : null;
            yield return ToRecord(activity, name, options);
        }
    }

    internal static CallRecord ToRecord(CloseCallActivity activity, string? outcomeName, CallLogWriterOptions options)
    {
        var direction = activity.Direction == CloseCallDirection.Inbound ? CallDirection.Inbound
            : activity.Direction == CloseCallDirection.Outbound ? CallDirection.Outbound
            : (CallDirection?)null;
        var remote = activity.Phone ?? activity.RemotePhone;
        var inbound = direction == CallDirection.Inbound;
        return new CallRecord
        {
            Id = activity.Id,
            Provider = CallLogProvider.Close,
            Direction = direction,
            FromNumber = inbound ? remote : activity.LocalPhone,
            ToNumber = inbound ? activity.LocalPhone : remote,
            Start = activity.ActivityAt,
            End = activity.ActivityAt + activity.Duration,
            TalkDuration = activity.Duration,
            Outcome = NeutralOutcome(activity, options),
            ProviderOutcome = activity.Disposition?.Value ?? activity.Status?.Value,
            CustomOutcomeId = activity.OutcomeId,
            CustomOutcomeName = outcomeName,
            Note = activity.NoteHtml ?? activity.Note,
            NoteFormat = activity.NoteHtml is null ? CallNoteFormat.PlainText : CallNoteFormat.Html,
            Recording = Uri.TryCreate(activity.RecordingUrl, UriKind.Absolute, out var url) ? CallRecording.FromUrl(url) : null,
            HasRecording = activity.HasRecording,
            UserId = activity.UserId,
            Links = new CallLinks { CloseLeadId = activity.LeadId, CloseContactId = activity.ContactId },
        };
    }

    /// <summary>
    /// The disposition when Close gave one; else the neutral outcome the options map the call's custom outcome from; else
    /// what the status says (<c>no-answer</c>, <c>busy</c>, <c>failed</c>); else unknown.
    /// </summary>
    private static CallOutcome NeutralOutcome(CloseCallActivity activity, CallLogWriterOptions options)
    {
        if (activity.Disposition is { } disposition)
        {
            return CallOutcomeMap.FromClose(disposition);
        }

        if (activity.OutcomeId is { } outcomeId && options.CloseOutcomeIds.FirstOrDefault(pair => pair.Value == outcomeId) is { Value: not null } mapped)
        {
            return mapped.Key;
        }

        return activity.Status is { } status
            ? status == CloseCallStatus.NoAnswer ? CallOutcome.NoAnswer
            : status == CloseCallStatus.Busy ? CallOutcome.Busy
            : status == CloseCallStatus.Failed ? CallOutcome.Failed
            : CallOutcome.Unknown
            : CallOutcome.Unknown;
    }

    /// <summary>
    /// A logged Close call takes no disposition: the outcome goes into the status where Close has one (no-answer, busy,
    /// failed) and into the custom outcome the options map it to; otherwise it is reported as not stored.
    /// </summary>
    private (CloseCallStatus Status, string? OutcomeId) Outcome(CallRecord record, List<CallFieldNotStored> notStored)
    {
        var outcome = record.Outcome;
        var status = outcome == CallOutcome.NoAnswer ? CloseCallStatus.NoAnswer
            : outcome == CallOutcome.Busy ? CloseCallStatus.Busy
            : outcome == CallOutcome.Failed ? CloseCallStatus.Failed
            : CloseCallStatus.Completed;
        options.CloseOutcomeIds.TryGetValue(outcome, out var mapped);
        if (record.CustomOutcomeId is not null && mapped is not null && mapped != record.CustomOutcomeId)
        {
            notStored.Add(new("Outcome", $"The record's CustomOutcomeId was stored; the custom outcome mapped to '{outcome}' was not."));
        }

        var outcomeId = record.CustomOutcomeId ?? mapped;
        if (status == CloseCallStatus.Completed && mapped is null && outcome != CallOutcome.Unknown)
        {
            notStored.Add(new("Outcome",
                $"A logged Close call takes no disposition; '{outcome}' was stored as status 'completed' (map it to a custom outcome with CloseOutcomeIds)."));
        }

        return (status, outcomeId);
    }

    private (string? Note, string? NoteHtml) Notes(CallRecord record, string? callKey, List<CallFieldNotStored> notStored)
    {
        var marker = callKey is null ? null : CallKey.Marker(callKey);
        if (marker is not null && options.CallKeyPlacement == CallKeyPlacement.Subject)
        {
            notStored.Add(new("CallKeyPlacement", "Close calls have no subject; the call key was recorded in the note."));
        }

        if (record.Note is null)
        {
            return (marker, null);
        }

        if (record.NoteFormat == CallNoteFormat.PlainText)
        {
            return (marker is null ? record.Note : record.Note + "\n" + marker, null);
        }

        var html = record.Note.TrimStart().StartsWith("<body", StringComparison.OrdinalIgnoreCase) ? record.Note : "<body>" + record.Note + "</body>";
        if (marker is not null)
        {
            var close = html.LastIndexOf("</body>", StringComparison.OrdinalIgnoreCase);
            html = close < 0 ? html + "<p>" + marker + "</p>" : html.Insert(close, "<p>" + marker + "</p>");
        }

        return (null, html);
    }
}
