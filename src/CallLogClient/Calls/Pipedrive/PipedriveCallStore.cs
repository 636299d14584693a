using System.Globalization;
using System.Runtime.CompilerServices;
using CallLogClient.Pipedrive;
using CallLogClient.Pipedrive.Models;

namespace CallLogClient.Calls.Pipedrive;

/// <summary>
/// Pipedrive behind <see cref="CallLogWriter"/>: a record becomes a call log (no direction, no custom outcome, an upload
/// for the recording); a lookup reads the user's call logs page by page.
/// </summary>
internal sealed class PipedriveCallStore(IPipedriveCallLogsClient client, CallLogWriterOptions options) : ICallStore
{
    private const int PageSize = 50;

    public CallLogProvider Provider => CallLogProvider.Pipedrive;

    public PreparedCall Prepare(CallRecord record, string? callKey)
    {
        var (start, end, duration) = RecordChecks.Times(record);
        if (record.ToNumber is not { Length: > 0 })
        {
            throw RecordChecks.Invalid("ToNumber", "ToNumber is required: Pipedrive needs the number called.");
        }

        var notStored = new List<CallFieldNotStored>();
        var outcome = CallOutcomeMap.ToPipedrive(record.Outcome, out var exact)
            ?? throw RecordChecks.Invalid("Outcome", $"Outcome '{record.Outcome}' has no Pipedrive value, and Pipedrive needs one.");
        if (!exact)
        {
            notStored.Add(new("Outcome", $"Pipedrive has no '{record.Outcome}' outcome; stored as '{outcome}'."));
        }

        if (record.Direction is not null)
        {
            notStored.Add(new("Direction", "Pipedrive call logs have no direction; FromNumber and ToNumber still say who called whom."));
        }

        if (record.CustomOutcomeId is not null)
        {
            notStored.Add(new("CustomOutcomeId", "Pipedrive has no custom outcomes."));
        }

        if (record.Links.CloseLeadId is not null)
        {
            notStored.Add(new("Links.CloseLeadId", "A Close link means nothing to Pipedrive."));
        }

        if (record.Links.CloseContactId is not null)
        {
            notStored.Add(new("Links.CloseContactId", "A Close link means nothing to Pipedrive."));
        }

        if (record.Recording is { Url: not null })
        {
            notStored.Add(new("Recording", "Pipedrive takes a recording as an upload, not a URL; the URL was not stored."));
        }

        var note = record.Note is null ? null : record.NoteFormat == CallNoteFormat.Html ? record.Note : CallMatching.HtmlOf(record.Note);
        var subject = record.Subject;
        if (callKey is not null)
        {
            var marker = CallKey.Marker(callKey);
            if (options.CallKeyPlacement == CallKeyPlacement.Subject)
            {
                subject = subject is { Length: > 0 } ? subject + " " + marker : marker;
            }
            else
            {
                note += "<p>" + marker + "</p>";
            }
        }

        var request = new PipedriveCreateCallLogRequest
        {
            UserId = UserId(record.UserId),
            Subject = subject,
            Duration = duration,
            Outcome = outcome,
            FromPhoneNumber = record.FromNumber,
            ToPhoneNumber = record.ToNumber,
            StartTime = start,
            EndTime = end,
            PersonId = record.Links.PipedrivePersonId,
            OrgId = record.Links.PipedriveOrgId,
            DealId = record.Links.PipedriveDealId,
            LeadId = record.Links.PipedriveLeadId,
            Note = note,
        };
        return new PreparedCall(record, request, notStored);
    }

    public async Task<string> CreateAsync(PreparedCall call, CancellationToken cancellationToken) =>
        (await client.CreateAsync((PipedriveCreateCallLogRequest)call.Request, cancellationToken).ConfigureAwait(false)).Id;

    public async Task<IReadOnlyList<FoundCall>> FindAsync(
        PreparedCall call, string callKey, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var request = (PipedriveCreateCallLogRequest)call.Request;
        var matches = new List<FoundCall>();
        var read = 0;
        await foreach (var log in client.ListAllAsync(PageSize, cancellationToken).ConfigureAwait(false))
        {
            if (++read > options.PipedriveLookupLimit)
            {
                throw new CallLookupException(
                    $"the user has more than {options.PipedriveLookupLimit} call logs to search (PipedriveLookupLimit)");
            }

            if (CallMatching.SameNumber(log.ToPhoneNumber, request.ToPhoneNumber)
                && CallMatching.SameSecond(log.StartTime, request.StartTime)
                && CallMatching.SameSecond(log.EndTime, request.EndTime)
                && CallKey.IsIn(options.CallKeyPlacement == CallKeyPlacement.Subject ? log.Subject : log.Note, callKey))
            {
                matches.Add(new FoundCall(log.Id, log.HasRecording));
            }
        }

        return matches;
    }

    public async Task CompleteAsync(string id, PreparedCall call, FoundCall? found, CancellationToken cancellationToken)
    {
        if (call.Record.Recording is not { Audio: { } audio } recording || found?.HasRecording == true)
        {
            return;
        }

        try
        {
            await client.AddRecordingAsync(id, audio, recording.FileName!, recording.ContentType!, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            call.NotStored.Add(new("Recording", "The call log was stored, but its recording upload failed: " + exception.Message, exception));
        }
    }

    public Task AttachRecordingAsync(string id, CallRecording recording, CancellationToken cancellationToken) =>
        recording.Audio is { } audio
            ? client.AddRecordingAsync(id, audio, recording.FileName!, recording.ContentType!, cancellationToken)
            : throw new CallLogNotSupportedException(
                Provider, "Recording", "Pipedrive takes a recording as an upload (CallRecording.FromStream), not a URL.");

    public Task DeleteAsync(string id, CancellationToken cancellationToken) => client.DeleteAsync(id, cancellationToken);

    public async IAsyncEnumerable<CallRecord> ReadAsync(
        DateTimeOffset since, DateTimeOffset until, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var log in client.ListAllAsync(PageSize, cancellationToken).ConfigureAwait(false))
        {
            if (log.StartTime is { } start && start >= since && start < until)
            {
                yield return ToRecord(log);
            }
        }
    }

    internal static CallRecord ToRecord(PipedriveCallLog log) => new()
    {
        Id = log.Id,
        Provider = CallLogProvider.Pipedrive,
        FromNumber = log.FromPhoneNumber,
        ToNumber = log.ToPhoneNumber,
        Start = log.StartTime,
        End = log.EndTime,
        TalkDuration = log.Duration,
        Outcome = CallOutcomeMap.FromPipedrive(log.Outcome),
        ProviderOutcome = log.Outcome?.Value,
        Subject = log.Subject,
        Note = log.Note,
        NoteFormat = CallNoteFormat.Html,
        HasRecording = log.HasRecording,
        UserId = log.UserId?.ToString(CultureInfo.InvariantCulture),
        Links = new CallLinks
        {
            PipedrivePersonId = log.PersonId,
            PipedriveOrgId = log.OrgId,
            PipedriveDealId = log.DealId,
            PipedriveLeadId = log.LeadId,
        },
    };

    private static long? UserId(string? userId) =>
        userId is null ? null
        : long.TryParse(userId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id
        : throw RecordChecks.Invalid("UserId", "A Pipedrive user id is a number.");
}
