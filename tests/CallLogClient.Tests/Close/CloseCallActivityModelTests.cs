using System.Text.Json;
using CallLogClient.Close;
using CallLogClient.Close.Models;

namespace CallLogClient.Tests.Close;

public sealed class CloseCallActivityModelTests
{
    [Fact]
    public void The_official_call_object_reads_field_by_field()
    {
        var call = CloseFixtures.Call(CloseFixtures.Read("call-object.json"));

        Assert.Equal("acti_Ay0QqN91HKAHVQUesISYV8QlhDobGfWb1Ui3TE75pJR", call.Id);
        Assert.Equal("Call", call.ActivityType);
        Assert.Equal("orga_RbREgmiiwcr1w2b4cOnCMQaQPSIFxMqAD2Dh243uxcH", call.OrganizationId);
        Assert.Equal("lead_s6vHFTK1TSRoH6otXOexWDO9jM4xyb1kELHDoU7Fdsp", call.LeadId);
        Assert.Equal("cont_q4xYmlGhA3060dEl0NDJuHRxPMuVjqLn30AFSzh1fRk", call.ContactId);
        Assert.Equal("user_N6KhMpzHRCYQHdn4gRNIFNN5JExnsrprKA6ekxM63XA", call.UserId);
        Assert.Equal("user_N6KhMpzHRCYQHdn4gRNIFNN5JExnsrprKA6ekxM63XA", call.CreatedBy);
        Assert.Equal("user_N6KhMpzHRCYQHdn4gRNIFNN5JExnsrprKA6ekxM63XA", call.UpdatedBy);
        Assert.Empty(call.Users!);
        Assert.Equal(new DateTimeOffset(2013, 2, 1, 0, 51, 33, TimeSpan.Zero), call.ActivityAt);
        Assert.Equal(new DateTimeOffset(2013, 2, 20, 6, 34, 33, 637, TimeSpan.Zero), call.DateCreated);
        Assert.Equal(new DateTimeOffset(2013, 2, 20, 6, 34, 35, 656, TimeSpan.Zero), call.DateUpdated);
        Assert.Equal(CloseCallMethod.Regular, call.CallMethod);
        Assert.Equal(CloseCallDirection.Outbound, call.Direction);
        Assert.Equal(CloseCallDisposition.Answered, call.Disposition);
        Assert.Equal(CloseCallStatus.Completed, call.Status);
        Assert.Equal(CloseCallSource.CloseIo, call.Source);
        Assert.Equal("Close.io", call.Source?.Value);
        Assert.Equal("outcome_031uY9IKV1JxfNKM9n2qCw", call.OutcomeId);
        Assert.Equal(TimeSpan.FromSeconds(10), call.Duration);
        Assert.Equal(2m, call.Cost);
        Assert.Equal("+16503334444", call.Phone);
        Assert.Equal("+16505556666", call.LocalPhone);
        Assert.Equal("+1 650-555-6666", call.LocalPhoneFormatted);
        Assert.Equal("US", call.LocalCountryIso);
        Assert.Equal("+16503334444", call.RemotePhone);
        Assert.Equal("+1 650-333-4444", call.RemotePhoneFormatted);
        Assert.Equal("US", call.RemoteCountryIso);
        Assert.Equal("", call.Note);
        Assert.Equal("<body><p></p></body>", call.NoteHtml);
        Assert.Null(call.RecordingUrl);
        Assert.Null(call.VoicemailUrl);
        Assert.Null(call.VoicemailDuration);
        Assert.Null(call.DialerId);
        Assert.Null(call.DialerSavedSearchId);
        Assert.Null(call.RecordingTranscript);
        Assert.Null(call.AdditionalProperties);
        Assert.Empty(call.GetCustomFields());
    }

    [Fact]
    public void The_official_create_response_reads_the_undocumented_external_call_method_and_a_zero_cost_string()
    {
        var call = CloseFixtures.Call(CloseFixtures.Read("create-response.json"));

        Assert.Equal(CloseCallMethod.External, call.CallMethod);
        Assert.True(call.CallMethod!.Value.IsKnown);
        Assert.Equal(CloseCallSource.External, call.Source);
        Assert.Equal(0m, call.Cost);
        Assert.Equal("Stefan Wójcik", call.CreatedByName);
        Assert.Equal("Phil Freo", call.UpdatedByName);
        Assert.Equal("Stefan Wójcik", call.UserName);
        Assert.Null(call.OutcomeId);
        Assert.Equal(TimeSpan.FromSeconds(153), call.Duration);
        Assert.Equal("call notes go here", call.Note);
    }

    [Fact]
    public void The_official_update_response_carries_the_new_note()
    {
        var call = CloseFixtures.Call(CloseFixtures.Read("update-response.json"));

        Assert.Equal("<body><p>This is some new call note.</p></body>", call.NoteHtml);
        Assert.Equal("This is some new call note.", call.Note);
        Assert.Equal("outcome_031uY9IKV1JxfNKM9n2qCw", call.OutcomeId);
    }

    [Fact]
    public void An_observed_create_response_keeps_fields_the_model_does_not_name()
    {
        var call = CloseFixtures.Call(CloseFixtures.Read("observed-create-response-closex.json"));

        Assert.True(call.HasRecording);
        Assert.Equal("https://app.close.io/call/acti_PmWoP1sUvr9qiec2U9wu06ZaDa1YeNsqUQHWMog3ekZ/recording/", call.RecordingUrl);
        Assert.Equal(TimeSpan.Zero, call.VoicemailDuration);
        Assert.Null(call.TransferredFrom);
        Assert.Null(call.TransferredTo);
        Assert.Null(call.Cost);
        Assert.Equal("", call.AdditionalProperties!["quality_info"].GetString());
    }

    [Fact]
    public void Observed_airbyte_records_read_empty_strings_null_costs_null_dispositions_and_answer_times()
    {
        using var records = JsonDocument.Parse(CloseFixtures.Read("observed-call-records-airbyte.json"));
        var calls = records.RootElement.EnumerateArray().Select(record => CloseFixtures.Call(record.GetRawText())).ToList();

        Assert.Equal(3, calls.Count);
        var voicemail = calls[0];
        Assert.Equal("", voicemail.LocalCountryIso);
        Assert.Null(voicemail.UserId);
        Assert.Null(voicemail.Cost);
        Assert.Equal(CloseCallDisposition.VoicemailLeft, voicemail.Disposition);
        Assert.Equal(CloseCallDirection.Inbound, voicemail.Direction);
        Assert.Equal(TimeSpan.FromSeconds(28), voicemail.VoicemailDuration);
        Assert.Equal("https://api.close.com/call/acti_NsDheeFBzEAmjRfpBmclxdzKWqLnGZaIvU3ZvvyrDJt/voicemail/", voicemail.VoicemailUrl);
        Assert.False(voicemail.HasRecording);
        Assert.False(voicemail.IsForwarded);
        Assert.False(voicemail.IsJoinable);
        Assert.False(voicemail.IsToGroupNumber);
        Assert.Null(voicemail.RecordingExpiresAt);
        Assert.Null(voicemail.SequenceId);
        Assert.Null(voicemail.SequenceName);
        Assert.Null(voicemail.SequenceSubscriptionId);
        Assert.Null(voicemail.TransferredFromUserId);
        Assert.Null(voicemail.TransferredToUserId);
        Assert.Null(voicemail.ForwardedTo);
        Assert.Equal(JsonValueKind.Array, voicemail.AdditionalProperties!["coach_legs"].ValueKind);

        var unanswered = calls[1];
        Assert.Equal(CloseCallStatus.NoAnswer, unanswered.Status);
        Assert.Null(unanswered.Disposition);
        Assert.Equal("<body><p>Gob never answered.</p></body>", unanswered.NoteHtml);

        var answered = calls[2];
        Assert.Equal(new DateTimeOffset(2022, 11, 9, 13, 57, 22, 63, TimeSpan.Zero), answered.DateAnswered);
        Assert.Equal(2m, answered.Cost);
        Assert.Equal(TimeSpan.FromSeconds(17), answered.Duration);
    }

    [Theory]
    [MemberData(nameof(CallFiles))]
    public void Every_call_example_reads_with_an_id_and_a_creation_time(string fileName)
    {
        var call = CloseFixtures.Call(CloseFixtures.Read(fileName));

        Assert.StartsWith("acti_", call.Id, StringComparison.Ordinal);
        Assert.NotNull(call.DateCreated);
        Assert.Equal(TimeSpan.Zero, call.DateCreated.Value.Offset);
    }

    [Fact]
    public void The_official_list_example_reads_its_page()
    {
        var list = CloseFixtures.List(CloseFixtures.Read("list-response.json"));

        Assert.False(list.HasMore);
        Assert.Equal("acti_Ay0QqN91HKAHVQUesISYV8QlhDobGfWb1Ui3TE75pJR", Assert.Single(list.Data!).Id);
    }

    [Fact]
    public void The_observed_list_example_reads_four_inbound_calls()
    {
        var list = CloseFixtures.List(CloseFixtures.Read("observed-list-response-closex.json"));

        Assert.False(list.HasMore);
        Assert.Equal(4, list.Data!.Count);
        Assert.All(list.Data, call => Assert.Equal(CloseCallDirection.Inbound, call.Direction));
        Assert.Equal(
            [CloseCallDisposition.VoicemailAnswered, CloseCallDisposition.VoicemailAnswered, CloseCallDisposition.VoicemailAnswered, CloseCallDisposition.VoicemailLeft],
            list.Data.Select(call => call.Disposition!.Value));
        Assert.Equal("GB", list.Data[0].RemoteCountryIso);
        Assert.Equal("+44 808 189 4428", list.Data[0].LocalPhoneFormatted);
        Assert.Equal(TimeSpan.FromSeconds(3), list.Data[3].VoicemailDuration);
    }

    [Fact]
    public void The_official_transcript_example_reads_utterances_sides_offsets_and_summary()
    {
        var call = CloseFixtures.Call(CloseFixtures.Read("transcript-fields.json"));

        var transcript = call.RecordingTranscript!;
        Assert.Equal("Summary text", transcript.SummaryText);
        Assert.Equal("<p>Summary text</p>", transcript.SummaryHtml);
        Assert.Equal(2, transcript.Utterances!.Count);
        var first = transcript.Utterances[0];
        Assert.Equal("John Lead", first.SpeakerLabel);
        Assert.Equal(CloseTranscriptSpeakerSide.Contact, first.SpeakerSide);
        Assert.Equal(TimeSpan.FromSeconds(0.1), first.Start);
        Assert.Equal(TimeSpan.FromSeconds(1.2), first.End);
        Assert.Equal("Hey, what's up? How is it going?", first.Text);
        Assert.Equal(CloseTranscriptSpeakerSide.CloseUser, transcript.Utterances[1].SpeakerSide);
        Assert.Equal(TimeSpan.FromSeconds(1.3), transcript.Utterances[1].Start);
        Assert.Null(call.VoicemailTranscript);
        Assert.Equal("", call.Id);
    }

    [Fact]
    public void Values_Close_adds_later_read_without_error_keep_their_text_and_write_back_unchanged()
    {
        const string json = """
            {"id":"acti_1","call_method":"ai-dialer","status":"ringing","disposition":"machine-detected",
             "direction":"sideways","source":"Zapier",
             "recording_transcript":{"utterances":[{"speaker_side":"bot","start":0,"end":1,"text":"Hi"}]}}
            """;

        var call = CloseFixtures.Call(json);

        Assert.Equal("ai-dialer", call.CallMethod?.Value);
        Assert.False(call.CallMethod!.Value.IsKnown);
        Assert.Equal("ringing", call.Status?.Value);
        Assert.False(call.Status!.Value.IsKnown);
        Assert.Equal("machine-detected", call.Disposition?.ToString());
        Assert.Equal("sideways", call.Direction?.Value);
        Assert.Equal("Zapier", call.Source?.Value);
        Assert.False(call.Source!.Value.IsKnown);
        var side = call.RecordingTranscript!.Utterances![0].SpeakerSide!.Value;
        Assert.Equal("bot", side.Value);
        Assert.False(side.IsKnown);

        using var written = JsonDocument.Parse(JsonSerializer.Serialize(call, CloseJsonContext.Default.CloseCallActivity));
        var root = written.RootElement;
        Assert.Equal("ai-dialer", root.GetProperty("call_method").GetString());
        Assert.Equal("ringing", root.GetProperty("status").GetString());
        Assert.Equal("machine-detected", root.GetProperty("disposition").GetString());
        Assert.Equal("sideways", root.GetProperty("direction").GetString());
        Assert.Equal("Zapier", root.GetProperty("source").GetString());
        Assert.Equal("bot", root.GetProperty("recording_transcript").GetProperty("utterances")[0].GetProperty("speaker_side").GetString());
    }

    [Fact]
    public void Empty_strings_where_a_value_or_null_is_expected_read_as_null()
    {
        const string json = """
            {"id":"acti_1","disposition":"","call_method":" ","status":"","direction":"","source":"",
             "cost":"","duration":"","voicemail_duration":"","date_answered":"","activity_at":"","local_country_iso":""}
            """;

        var call = CloseFixtures.Call(json);

        Assert.Null(call.Disposition);
        Assert.Null(call.CallMethod);
        Assert.Null(call.Status);
        Assert.Null(call.Direction);
        Assert.Null(call.Source);
        Assert.Null(call.Cost);
        Assert.Null(call.Duration);
        Assert.Null(call.VoicemailDuration);
        Assert.Null(call.DateAnswered);
        Assert.Null(call.ActivityAt);
        Assert.Equal("", call.LocalCountryIso);
    }

    [Theory]
    [InlineData("\"2\"", "2")]
    [InlineData("\"0\"", "0")]
    [InlineData("\"1.25\"", "1.25")]
    [InlineData("3.5", "3.5")]
    [InlineData("7", "7")]
    public void Cost_reads_decimal_cents_from_a_string_or_a_number(string cost, string expected)
    {
        var call = CloseFixtures.Call($$"""{"id":"acti_1","cost":{{cost}}}""");

        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), call.Cost);
    }

    [Theory]
    [InlineData("\"a few\"")]
    [InlineData("true")]
    public void A_cost_that_is_not_a_number_is_a_json_error(string cost)
    {
        Assert.Throws<JsonException>(() => CloseFixtures.Call($$"""{"id":"acti_1","cost":{{cost}}}"""));
    }

    [Theory]
    [InlineData("2013-02-20T06:34:33.637000+00:00", "2013-02-20T06:34:33.6370000+00:00")]
    [InlineData("2013-02-01T00:51:33+00:00", "2013-02-01T00:51:33.0000000+00:00")]
    [InlineData("2019-01-15T12:48:23.395000", "2019-01-15T12:48:23.3950000+00:00")]
    [InlineData("2024-03-10T12:00:00+02:00", "2024-03-10T10:00:00.0000000+00:00")]
    public void Dates_read_with_or_without_fraction_and_a_naive_time_as_utc(string wire, string expectedRoundTrip)
    {
        var call = CloseFixtures.Call($$"""{"id":"acti_1","date_created":"{{wire}}"}""");

        Assert.Equal(expectedRoundTrip, call.DateCreated!.Value.ToString("o", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Custom_activity_fields_are_kept_and_listed_without_their_prefix()
    {
        const string json = """{"id":"acti_1","custom.cf_topic":"Renewal","custom.cf_score":7,"custom.cf_none":null,"brand_new":true}""";

        var call = CloseFixtures.Call(json);

        Assert.Equal(["cf_none", "cf_score", "cf_topic"], call.GetCustomFields().Keys.Order(StringComparer.Ordinal));
        Assert.Equal("Renewal", call.GetCustomFields()["cf_topic"].GetString());
        Assert.Equal(7, call.GetCustomFields()["cf_score"].GetInt32());
        Assert.Equal(JsonValueKind.Null, call.GetCustomFields()["cf_none"].ValueKind);
        Assert.True(call.AdditionalProperties!["brand_new"].GetBoolean());

        using var written = JsonDocument.Parse(JsonSerializer.Serialize(call, CloseJsonContext.Default.CloseCallActivity));
        Assert.Equal("Renewal", written.RootElement.GetProperty("custom.cf_topic").GetString());
    }

    [Fact]
    public void A_null_or_missing_id_reads_as_empty_never_null()
    {
        Assert.Equal("", CloseFixtures.Call("""{"id":null}""").Id);
        Assert.Equal("", CloseFixtures.Call("{}").Id);
    }

    [Fact]
    public void The_observed_closex_create_request_reads_and_its_plain_recording_address_is_one_the_client_refuses_to_send()
    {
        var observed = CloseFixtures.Call(CloseFixtures.Read("observed-create-request-closex.json"));

        Assert.Equal(CloseCallDirection.Outbound, observed.Direction);
        Assert.Equal(CloseCallDisposition.Answered, observed.Disposition);
        Assert.Equal(TimeSpan.FromSeconds(345), observed.Duration);
        Assert.Equal("call originated from mobile", observed.Note);
        var request = new CloseCreateCallRequest
        {
            UserId = observed.UserId,
            CreatedBy = observed.CreatedBy,
            Direction = observed.Direction,
            Duration = observed.Duration,
            Note = observed.Note,
            Phone = observed.Phone,
            RecordingUrl = new Uri(observed.RecordingUrl!, UriKind.RelativeOrAbsolute),
        };

        var exception = Assert.Throws<ArgumentException>(() => CloseRequestValidator.ValidateCreate(request));

        Assert.Equal("request.RecordingUrl", exception.ParamName);
    }

    public static TheoryData<string> CallFiles() => new(CloseFixtures.CallFiles);
}
