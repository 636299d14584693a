using System.Text.Json;
using CallLogClient.Calls;
using CallLogClient.Errors;
using CallLogClient.Testing;
using CallLogClient.Tests.Emulator;

namespace CallLogClient.Tests.Calls;

/// <summary>The writer over Pipedrive, against the emulator: what goes on the wire, what is reported, and exactly-once.</summary>
public sealed class PipedriveWriterTests : EmulatorTest
{
    private static readonly DateTimeOffset Start = new(2025, 3, 4, 9, 15, 0, TimeSpan.Zero);

    internal static CallRecord Record(int minute = 0, CallOutcome? outcome = null) => new()
    {
        Direction = CallDirection.Outbound,
        FromNumber = "+15555550001",
        ToNumber = "+15555550100",
        Start = Start.AddMinutes(minute),
        End = Start.AddMinutes(minute).AddSeconds(95),
        TalkDuration = TimeSpan.FromSeconds(80),
        Outcome = outcome ?? CallOutcome.Answered,
        Note = "Wants a quote\nfor <10> seats",
        UserId = "777707777",
        Subject = "Discovery",
        Links = new CallLinks { PipedrivePersonId = 42, PipedriveDealId = 7 },
    };

    private CallLogWriter Writer(CallLogWriterOptions? options = null) => CallLogWriter.ForPipedrive(Pipedrive(o => o.PagesInFlight = 1), options);

    [Fact]
    public async Task A_record_becomes_a_call_log_and_what_pipedrive_cannot_hold_is_reported()
    {
        var result = await Writer().LogCallAsync(Record());

        var post = Assert.Single(Emulator.Requests, r => r.Method == "POST");
        using var body = JsonDocument.Parse(post.Body);
        var sent = body.RootElement;
        Assert.Equal("/v1/callLogs", post.Path);
        Assert.Equal("connected", sent.GetProperty("outcome").GetString());
        Assert.Equal("+15555550001", sent.GetProperty("from_phone_number").GetString());
        Assert.Equal("+15555550100", sent.GetProperty("to_phone_number").GetString());
        Assert.Equal("2025-03-04 09:15:00", sent.GetProperty("start_time").GetString());
        Assert.Equal("2025-03-04 09:16:35", sent.GetProperty("end_time").GetString());
        Assert.Equal("80", sent.GetProperty("duration").GetString());
        Assert.Equal("Wants a quote<br />for &lt;10&gt; seats", sent.GetProperty("note").GetString());
        Assert.Equal("Discovery", sent.GetProperty("subject").GetString());
        Assert.Equal(777707777, sent.GetProperty("user_id").GetInt64());
        Assert.Equal(42, sent.GetProperty("person_id").GetInt64());
        Assert.Equal(7, sent.GetProperty("deal_id").GetInt64());
        Assert.False(sent.TryGetProperty("direction", out _));
        Assert.Equal(Assert.Single(Emulator.Pipedrive.CallLogs).Id, result.Id);
        Assert.Equal(CallLogStatus.Created, result.Status);
        Assert.Equal(CallLogProvider.Pipedrive, result.Provider);
        Assert.Equal(1, result.CreateAttempts);
        var direction = Assert.Single(result.NotStored);
        Assert.Equal("Direction", direction.Field);
        Assert.DoesNotContain("+1555", result.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("voicemail-reached", "no_answer")]
    [InlineData("blocked", "wrong_number")]
    [InlineData("failed", "no_answer")]
    [InlineData("abandoned", "no_answer")]
    public async Task An_outcome_pipedrive_lacks_is_stored_as_its_nearest_value_and_reported(string neutral, string stored)
    {
        var record = Record(outcome: new CallOutcome(neutral));

        var result = await Writer().LogCallAsync(new CallRecord { Outcome = record.Outcome, ToNumber = record.ToNumber, Start = record.Start, End = record.End });

        Assert.Equal(stored, Assert.Single(Emulator.Pipedrive.CallLogs).Data.GetProperty("outcome").GetString());
        var notice = Assert.Single(result.NotStored);
        Assert.Equal("Outcome", notice.Field);
        Assert.Contains(stored, notice.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Links_and_fields_of_close_are_reported_and_an_unmappable_outcome_is_refused_before_sending()
    {
        var record = new CallRecord
        {
            ToNumber = "+15555550100",
            Start = Start,
            End = Start.AddMinutes(1),
            CustomOutcomeId = "outcome_1",
            Recording = CallRecording.FromUrl(new Uri("https://example.com/r.mp3")),
            Links = new CallLinks { CloseLeadId = "lead_1", CloseContactId = "cont_1" },
        };

        var refused = await Assert.ThrowsAsync<ArgumentException>(() => Writer().LogCallAsync(record));
        var result = await Writer().LogCallAsync(new CallRecord
        {
            ToNumber = record.ToNumber, Start = record.Start, End = record.End, Outcome = CallOutcome.Busy,
            CustomOutcomeId = record.CustomOutcomeId, Recording = record.Recording, Links = record.Links,
        });

        Assert.Equal("record.Outcome", refused.ParamName);
        Assert.Equal(["CustomOutcomeId", "Links.CloseLeadId", "Links.CloseContactId", "Recording"], result.NotStored.Select(n => n.Field));
        Assert.Single(Emulator.Requests);
    }

    [Fact]
    public async Task Rejecting_unstorable_fields_throws_before_anything_is_sent()
    {
        var writer = Writer(new CallLogWriterOptions { RejectUnstorableFields = true });

        var refused = await Assert.ThrowsAsync<CallLogNotSupportedException>(() => writer.LogCallAsync(Record()));

        Assert.Equal("Direction", refused.Field);
        Assert.Equal(CallLogProvider.Pipedrive, refused.Provider);
        Assert.Empty(Emulator.Requests);
    }

    [Fact]
    public async Task Rejecting_unstorable_fields_lets_a_record_the_provider_can_hold_through()
    {
        var writer = Writer(new CallLogWriterOptions { RejectUnstorableFields = true });
        var storable = new CallRecord
        {
            ToNumber = "+15555550100", Start = Start, End = Start.AddSeconds(95), Outcome = CallOutcome.Answered, Note = "Wants a quote",
        };

        var result = await writer.LogCallAsync(storable);

        Assert.Empty(result.NotStored);
        Assert.Equal(result.Id, Assert.Single(Emulator.Pipedrive.CallLogs).Id);
    }

    [Theory]
    [InlineData(null, "record.ToNumber")]
    [InlineData("no-start", "record.Start")]
    [InlineData("end-first", "record.End")]
    [InlineData("user", "record.UserId")]
    public async Task Bad_records_are_refused_naming_the_field_before_anything_is_sent(string? fault, string field)
    {
        var good = Record();
        var record = new CallRecord
        {
            ToNumber = fault is null ? null : good.ToNumber,
            Start = fault == "no-start" ? null : good.Start,
            End = fault == "end-first" ? good.Start!.Value.AddSeconds(-1) : good.End,
            UserId = fault == "user" ? "user_abc" : null,
            Outcome = CallOutcome.Answered,
        };

        var refused = await Assert.ThrowsAsync<ArgumentException>(() => Writer().LogCallAsync(record));

        Assert.Equal(field, refused.ParamName);
        Assert.Empty(Emulator.Requests);
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("a]b")]
    public async Task A_bad_call_key_is_refused(string key)
    {
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Writer().LogCallOnceAsync(Record(), key));
        Assert.Empty(Emulator.Requests);
    }

    [Fact]
    public async Task A_recording_stream_is_uploaded_after_the_create_and_a_url_cannot_be_attached()
    {
        var writer = Writer();
        var record = Record();
        var withAudio = new CallRecord
        {
            ToNumber = record.ToNumber, Start = record.Start, End = record.End, Outcome = record.Outcome,
            Recording = CallRecording.FromStream(new MemoryStream([1, 2, 3]), "call.mp3", "audio/mpeg"),
        };

        var result = await writer.LogCallAsync(withAudio);
        var refused = await Assert.ThrowsAsync<CallLogNotSupportedException>(
            () => writer.AttachRecordingAsync(result.Id, CallRecording.FromUrl(new Uri("https://example.com/a.mp3"))));

        var stored = Assert.Single(Emulator.Pipedrive.CallLogs);
        Assert.Equal(new byte[] { 1, 2, 3 }, stored.Recording!.Value.ToArray());
        Assert.Equal("audio/mpeg", stored.RecordingContentType);
        Assert.Empty(result.NotStored);
        Assert.Equal("Recording", refused.Field);
        Assert.Equal(2, Emulator.Requests.Count);
    }

    [Fact]
    public async Task A_failed_upload_after_the_create_is_reported_with_the_call_log_id()
    {
        var record = Record();
        var withAudio = new CallRecord
        {
            ToNumber = record.ToNumber, Start = record.Start, End = record.End, Outcome = record.Outcome,
            Recording = CallRecording.FromStream(new CallLogClient.Tests.Support.ForwardOnlyStream([1, 2, 3]), "call.mp3", "audio/mpeg"),
        };
        Emulator.Pipedrive.Misbehaviour.FailRequest(2, Fault.ServiceUnavailable);

        var result = await Writer().LogCallAsync(withAudio);

        var notice = Assert.Single(result.NotStored);
        Assert.Equal("Recording", notice.Field);
        Assert.IsType<CallLogServiceUnavailableException>(notice.Error);
        Assert.Equal(Assert.Single(Emulator.Pipedrive.CallLogs).Id, result.Id);
    }

    [Fact]
    public async Task Reading_returns_the_call_logs_that_started_in_the_range_as_neutral_records()
    {
        var writer = Writer();
        await writer.LogCallAsync(Record(minute: 0));
        var inRange = await writer.LogCallAsync(Record(minute: 10, outcome: CallOutcome.VoicemailLeft));
        await writer.LogCallAsync(Record(minute: 20));

        var read = await writer.ReadCallsAsync(Start.AddMinutes(5), Start.AddMinutes(20)).ToListAsync();

        var record = Assert.Single(read);
        Assert.Equal(inRange.Id, record.Id);
        Assert.Equal(CallLogProvider.Pipedrive, record.Provider);
        Assert.Equal(CallOutcome.VoicemailLeft, record.Outcome);
        Assert.Equal("left_voicemail", record.ProviderOutcome);
        Assert.Null(record.Direction);
        Assert.Equal("+15555550001", record.FromNumber);
        Assert.Equal("+15555550100", record.ToNumber);
        Assert.Equal(Start.AddMinutes(10), record.Start);
        Assert.Equal(Start.AddMinutes(10).AddSeconds(95), record.End);
        Assert.Equal(TimeSpan.FromSeconds(80), record.TalkDuration);
        Assert.Equal(CallNoteFormat.Html, record.NoteFormat);
        Assert.Equal("777707777", record.UserId);
        Assert.Equal(42, record.Links.PipedrivePersonId);
        Assert.Equal(7, record.Links.PipedriveDealId);
    }

    [Fact]
    public void An_unknown_outcome_read_back_keeps_its_raw_value()
    {
        var log = new CallLogClient.Pipedrive.Models.PipedriveCallLog { Id = "abc", Outcome = new CallLogClient.Pipedrive.PipedriveCallOutcome("voicemail_full") };

        var record = CallLogClient.Calls.Pipedrive.PipedriveCallStore.ToRecord(log);

        Assert.Equal("abc", record.Id);
        Assert.Equal(CallOutcome.Unknown, record.Outcome);
        Assert.Equal("voicemail_full", record.ProviderOutcome);
    }

    [Fact]
    public async Task Delete_removes_the_call_log()
    {
        var writer = Writer();
        var result = await writer.LogCallAsync(Record());

        await writer.DeleteAsync(result.Id);

        Assert.Empty(Emulator.Pipedrive.CallLogs);
        Assert.Equal("DELETE", Emulator.Requests[^1].Method);
    }

    [Fact]
    public void Bad_arguments_are_thrown_by_the_call_itself_before_any_task_exists()
    {
        var writer = Writer(new CallLogWriterOptions { RejectUnstorableFields = true });

        var key = Assert.Throws<ArgumentException>(() => { _ = writer.LogCallOnceAsync(Record(), "two words"); });
        var record = Assert.Throws<ArgumentNullException>(() => { _ = writer.LogCallAsync(null!); });
        var unstorable = new CallRecord
        {
            ToNumber = "+15555550100", Start = Start, End = Start.AddMinutes(1), Outcome = CallOutcome.Busy, CustomOutcomeId = "outcome_1",
        };
        var notStored = Assert.Throws<CallLogNotSupportedException>(() => { _ = writer.LogCallAsync(unstorable); });
        var id = Assert.Throws<ArgumentException>(() => { _ = writer.AttachRecordingAsync("..", CallRecording.FromUrl(new Uri("https://example.com/r.mp3"))); });
        var recording = Assert.Throws<ArgumentNullException>(() => { _ = writer.AttachRecordingAsync("1", null!); });
        var window = Assert.Throws<ArgumentException>(() => writer.ReadCallsAsync(Start, Start));
        var client = Assert.Throws<ArgumentNullException>(() => CallLogWriter.ForPipedrive(null!));
        var closeClient = Assert.Throws<ArgumentNullException>(() => CallLogWriter.ForClose(null!));
        var closeAttempts = Assert.Throws<ArgumentOutOfRangeException>(() => CallLogWriter.ForClose(Close(), options: new CallLogWriterOptions { MaxCreateAttempts = 11 }));
        var attempts = Assert.Throws<ArgumentOutOfRangeException>(() => Writer(new CallLogWriterOptions { MaxCreateAttempts = 0 }));

        Assert.Equal("callKey", key.ParamName);
        Assert.Equal("record", record.ParamName);
        Assert.Equal("CustomOutcomeId", notStored.Field);
        Assert.StartsWith("Pipedrive cannot store CustomOutcomeId: ", notStored.Message, StringComparison.Ordinal);
        Assert.Equal("id", id.ParamName);
        Assert.Equal("recording", recording.ParamName);
        Assert.Equal("until", window.ParamName);
        Assert.StartsWith("until must be after since.", window.Message, StringComparison.Ordinal);
        Assert.Equal("client", client.ParamName);
        Assert.Equal("client", closeClient.ParamName);
        Assert.Equal("MaxCreateAttempts", attempts.ParamName);
        Assert.Equal("MaxCreateAttempts", closeAttempts.ParamName);
        Assert.Empty(Emulator.Requests);
    }
}
