using System.Text.Json;
using CallLogClient.Calls;
using CallLogClient.Close;
using CallLogClient.Close.Models;
using CallLogClient.Close.Outcomes;
using CallLogClient.Tests.Emulator;

namespace CallLogClient.Tests.Calls;

/// <summary>The writer over Close, against the emulator: the request it sends, what it reports, reads and custom outcomes.</summary>
public sealed class CloseWriterTests : EmulatorTest
{
    private static readonly DateTimeOffset Start = new(2025, 3, 4, 9, 15, 0, TimeSpan.Zero);

    private static CallRecord Record(CallDirection direction = CallDirection.Outbound, CallOutcome? outcome = null) => new()
    {
        Direction = direction,
        FromNumber = "+15555550001",
        ToNumber = "+15555550100",
        Start = Start,
        End = Start.AddSeconds(95),
        Outcome = outcome ?? CallOutcome.NoAnswer,
        Note = "<p>Wants a quote</p>",
        NoteFormat = CallNoteFormat.Html,
        UserId = "user_1",
        Links = new CallLinks { CloseLeadId = "lead_1", CloseContactId = "cont_1" },
    };

    private static void OnePageAtATime(CloseClientOptions options) => options.PagesInFlight = 1;

    private CallLogWriter Writer(CallLogWriterOptions? options = null, ICloseOutcomesClient? outcomes = null) =>
        CallLogWriter.ForClose(Close(OnePageAtATime), outcomes, options);

    private CloseOutcomesClient Outcomes() => new(new CloseClientOptions
    {
        Credential = CloseCredential.FromApiKey(Emulator.CloseApiKey),
        BaseAddress = Emulator.CloseBaseAddress,
    });

    private JsonElement SentBody() => JsonDocument.Parse(Emulator.Requests.Single(r => r.Method == "POST").Body).RootElement;

    [Fact]
    public async Task An_outbound_record_becomes_a_logged_call_with_the_called_number_as_phone()
    {
        var result = await Writer().LogCallAsync(Record());

        var sent = SentBody();
        Assert.Equal("lead_1", sent.GetProperty("lead_id").GetString());
        Assert.Equal("cont_1", sent.GetProperty("contact_id").GetString());
        Assert.Equal("user_1", sent.GetProperty("user_id").GetString());
        Assert.Equal("outbound", sent.GetProperty("direction").GetString());
        Assert.Equal("no-answer", sent.GetProperty("status").GetString());
        Assert.Equal(95, sent.GetProperty("duration").GetInt32());
        Assert.Equal("+15555550100", sent.GetProperty("phone").GetString());
        Assert.Equal("<body><p>Wants a quote</p></body>", sent.GetProperty("note_html").GetString());
        Assert.Equal(Start, sent.GetProperty("activity_at").GetDateTimeOffset());
        Assert.False(sent.TryGetProperty("disposition", out _));
        Assert.False(sent.TryGetProperty("note", out _));
        Assert.Equal(Assert.Single(Emulator.Close.Calls).Id, result.Id);
        Assert.Equal(CallLogProvider.Close, result.Provider);
        Assert.Equal("FromNumber", Assert.Single(result.NotStored).Field);
    }

    [Fact]
    public async Task An_inbound_record_stores_the_caller_as_phone()
    {
        var result = await Writer().LogCallAsync(Record(CallDirection.Inbound));

        Assert.Equal("+15555550001", SentBody().GetProperty("phone").GetString());
        Assert.Equal("inbound", SentBody().GetProperty("direction").GetString());
        Assert.Equal("ToNumber", Assert.Single(result.NotStored).Field);
    }

    [Theory]
    [InlineData("busy", "busy")]
    [InlineData("failed", "failed")]
    [InlineData("no-answer", "no-answer")]
    public async Task An_outcome_close_has_a_status_for_goes_into_the_status(string neutral, string status)
    {
        var result = await Writer().LogCallAsync(Record(outcome: new CallOutcome(neutral)));

        Assert.Equal(status, SentBody().GetProperty("status").GetString());
        Assert.DoesNotContain(result.NotStored, n => n.Field == "Outcome");
    }

    [Fact]
    public async Task Any_other_outcome_is_completed_and_reported_unless_mapped_to_a_custom_outcome()
    {
        var plain = await Writer().LogCallAsync(Record(outcome: CallOutcome.Answered));
        var mappedOptions = new CallLogWriterOptions();
        mappedOptions.CloseOutcomeIds[CallOutcome.Answered] = "outcome_answered";
        var mapped = await Writer(mappedOptions).LogCallAsync(Record(outcome: CallOutcome.Answered));

        var bodies = Emulator.Requests.Where(r => r.Method == "POST").Select(r => JsonDocument.Parse(r.Body).RootElement).ToList();
        Assert.Equal("completed", bodies[0].GetProperty("status").GetString());
        Assert.False(bodies[0].TryGetProperty("outcome_id", out _));
        Assert.Contains("status 'completed'", plain.NotStored.Single(n => n.Field == "Outcome").Reason, StringComparison.Ordinal);
        Assert.Equal("completed", bodies[1].GetProperty("status").GetString());
        Assert.Equal("outcome_answered", bodies[1].GetProperty("outcome_id").GetString());
        Assert.DoesNotContain(mapped.NotStored, n => n.Field == "Outcome");
    }

    [Fact]
    public async Task Pipedrive_fields_a_plain_note_an_end_apart_from_the_talk_time_and_an_upload_are_reported()
    {
        var record = new CallRecord
        {
            ToNumber = "+15555550100",
            Start = Start,
            End = Start.AddSeconds(95),
            TalkDuration = TimeSpan.FromSeconds(70),
            Outcome = CallOutcome.Busy,
            Subject = "Discovery",
            Note = "a < b\nnext",
            Recording = CallRecording.FromStream(new MemoryStream([1]), "call.mp3", "audio/mpeg"),
            Links = new CallLinks { CloseLeadId = "lead_1", PipedrivePersonId = 1, PipedriveOrgId = 2, PipedriveDealId = 3, PipedriveLeadId = "x" },
        };

        var result = await Writer().LogCallAsync(record);

        Assert.Equal(
            ["End", "Subject", "Links.PipedrivePersonId", "Links.PipedriveOrgId", "Links.PipedriveDealId", "Links.PipedriveLeadId", "Recording"],
            result.NotStored.Select(n => n.Field));
        Assert.Equal("a < b\nnext", SentBody().GetProperty("note").GetString());
        Assert.Equal(70, SentBody().GetProperty("duration").GetInt32());
        Assert.False(SentBody().TryGetProperty("recording_url", out _));
    }

    [Fact]
    public async Task A_recording_url_is_sent_with_the_call_and_attached_later_by_an_update_but_an_upload_is_refused()
    {
        var writer = Writer();
        var record = Record();
        var result = await writer.LogCallAsync(new CallRecord
        {
            ToNumber = record.ToNumber, Start = record.Start, End = record.End, Outcome = record.Outcome, Links = record.Links,
            Recording = CallRecording.FromUrl(new Uri("https://recordings.example.com/1.mp3")),
        });

        await writer.AttachRecordingAsync(result.Id, CallRecording.FromUrl(new Uri("https://recordings.example.com/2.mp3")));
        var refused = await Assert.ThrowsAsync<CallLogNotSupportedException>(
            () => writer.AttachRecordingAsync(result.Id, CallRecording.FromStream(new MemoryStream([1]), "a.mp3", "audio/mpeg")));

        Assert.Equal("https://recordings.example.com/1.mp3", SentBody().GetProperty("recording_url").GetString());
        var put = Emulator.Requests.Single(r => r.Method == "PUT");
        Assert.Equal($"/api/v1/activity/call/{result.Id}/", put.Path);
        Assert.Equal("""{"recording_url":"https://recordings.example.com/2.mp3"}""", put.BodyText);
        Assert.Equal(CallLogProvider.Close, refused.Provider);
        Assert.Equal(2, Emulator.Requests.Count);
    }

    [Fact]
    public async Task Reading_resolves_custom_outcome_names_with_one_read_of_the_outcomes()
    {
        var demo = Emulator.Close.AddOutcome("Demo Booked");
        var options = new CallLogWriterOptions();
        options.CloseOutcomeIds[CallOutcome.Answered] = demo;
        using var outcomes = Outcomes();
        var writer = Writer(options, outcomes);
        var since = DateTimeOffset.UtcNow.AddMinutes(-1);
        var answered = await writer.LogCallAsync(Record(outcome: CallOutcome.Answered));
        var busy = await writer.LogCallAsync(Record(CallDirection.Inbound, CallOutcome.Busy));
        var gone = await writer.LogCallAsync(new CallRecord
        {
            ToNumber = "+15555550100", Start = Start, End = Start, Links = new CallLinks { CloseLeadId = "lead_1" },
            CustomOutcomeId = "outcome_deleted",
        });

        var first = await writer.ReadCallsAsync(since, DateTimeOffset.UtcNow.AddMinutes(1)).ToListAsync();
        var second = await writer.ReadCallsAsync(since, DateTimeOffset.UtcNow.AddMinutes(1)).ToListAsync();

        Assert.Single(Emulator.Requests, r => r.Path == "/api/v1/outcome/");
        Assert.Equal(3, first.Count);
        Assert.Equal(3, second.Count);
        var readAnswered = first.Single(r => r.Id == answered.Id);
        Assert.Equal(CallOutcome.Answered, readAnswered.Outcome);
        Assert.Equal(demo, readAnswered.CustomOutcomeId);
        Assert.Equal("Demo Booked", readAnswered.CustomOutcomeName);
        Assert.Equal("completed", readAnswered.ProviderOutcome);
        Assert.Equal(CallDirection.Outbound, readAnswered.Direction);
        Assert.Equal("+15555550100", readAnswered.ToNumber);
        Assert.Equal(Start, readAnswered.Start);
        Assert.Equal(Start.AddSeconds(95), readAnswered.End);
        Assert.Equal(CallNoteFormat.Html, readAnswered.NoteFormat);
        Assert.Equal("lead_1", readAnswered.Links.CloseLeadId);
        var readBusy = first.Single(r => r.Id == busy.Id);
        Assert.Equal(CallOutcome.Busy, readBusy.Outcome);
        Assert.Equal("+15555550001", readBusy.FromNumber);
        var readGone = first.Single(r => r.Id == gone.Id);
        Assert.Equal("outcome_deleted", readGone.CustomOutcomeId);
        Assert.Null(readGone.CustomOutcomeName);
        Assert.Equal(CallOutcome.Unknown, readGone.Outcome);
    }

    [Fact]
    public void A_disposition_wins_over_the_status_and_an_unknown_one_keeps_its_raw_value()
    {
        var known = CallLogClient.Calls.Close.CloseCallStore.ToRecord(
            new CloseCallActivity { Id = "acti_1", Disposition = CloseCallDisposition.VoicemailLeft, Status = CloseCallStatus.Completed },
            outcomeName: null,
            new CallLogWriterOptions());
        var unknown = CallLogClient.Calls.Close.CloseCallStore.ToRecord(
            new CloseCallActivity { Id = "acti_2", Disposition = new CloseCallDisposition("machine-detected"), Status = CloseCallStatus.Busy },
            outcomeName: null,
            new CallLogWriterOptions());

        Assert.Equal(CallOutcome.VoicemailLeft, known.Outcome);
        Assert.Equal("vm-left", known.ProviderOutcome);
        Assert.Equal(CallOutcome.Unknown, unknown.Outcome);
        Assert.Equal("machine-detected", unknown.ProviderOutcome);
    }

    [Fact]
    public async Task Reading_uses_the_date_window_read_over_date_created()
    {
        var writer = Writer();
        var since = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        await writer.ReadCallsAsync(since, since.AddDays(1)).ToListAsync();

        var query = System.Web.HttpUtility.ParseQueryString(Emulator.Requests.Single().Query);
        Assert.Equal(since, DateTimeOffset.Parse(query["date_created__gte"]!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(since.AddDays(1), DateTimeOffset.Parse(query["date_created__lt"]!, System.Globalization.CultureInfo.InvariantCulture));
        await Assert.ThrowsAsync<ArgumentException>(async () => await writer.ReadCallsAsync(since, since).ToListAsync());
    }
}
