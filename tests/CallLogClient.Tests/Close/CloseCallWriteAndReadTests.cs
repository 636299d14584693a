using System.Text.Json;
using System.Text.Json.Nodes;
using CallLogClient.Close;
using CallLogClient.Close.Models;
using CallLogClient.Errors;
using CallLogClient.Tests.WireMock;
using WireMock.RequestBuilders;
using static CallLogClient.Tests.WireMock.Answers;

namespace CallLogClient.Tests.Close;

[Collection(WireMockCollection.Name)]
public sealed class CloseCallWriteAndReadTests(WireMockFixture wireMock) : IAsyncLifetime, IDisposable
{
    private const string CallId = "acti_Ay0QqN91HKAHVQUesISYV8QlhDobGfWb1Ui3TE75pJR";
    private const string CallPath = CloseTestClient.CallsPath + CallId + "/";

    private readonly CloseCallActivitiesClient client = CloseTestClient.Create(wireMock);

    public Task InitializeAsync()
    {
        wireMock.Reset();
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => client.Dispose();

    [Fact]
    public async Task Get_reads_one_call_by_id_under_its_trailing_slash_path()
    {
        wireMock.Server.Given(Request.Create().UsingGet().WithPathAndQuery(CallPath)).RespondWith(Json(body: CloseFixtures.Read("call-object.json")));

        var call = await client.GetAsync(CallId);

        var request = Assert.Single(wireMock.Server.Requests());
        Assert.Equal("GET", request.Method);
        Assert.Equal(CallPath, request.PathAndQuery());
        Assert.Equal(CloseTestClient.ExpectedAuthorization, request.Header("Authorization"));
        Assert.Equal(CallId, call.Id);
        Assert.Equal(CloseCallDisposition.Answered, call.Disposition);
    }

    [Fact]
    public async Task Get_with_fields_asks_for_the_transcripts_and_reads_them()
    {
        const string body = """
            {"id":"acti_1","recording_transcript":{"utterances":[{"speaker_label":"Jane User","speaker_side":"close-user","start":1.3,"end":2.4,"text":"Hey"}],
             "summary_text":"Summary","summary_html":"<p>Summary</p>"},"voicemail_transcript":null}
            """;
        wireMock.Server.Given(Request.Create().UsingGet().WithPathAndQuery(CloseTestClient.CallsPath + "acti_1/?_fields=id,recording_transcript,voicemail_transcript"))
            .RespondWith(Json(body: body));

        var call = await client.GetAsync(
            "acti_1", [CloseCallFieldNames.Id, CloseCallFieldNames.RecordingTranscript, CloseCallFieldNames.VoicemailTranscript]);

        var utterance = Assert.Single(call.RecordingTranscript!.Utterances!);
        Assert.Equal(CloseTranscriptSpeakerSide.CloseUser, utterance.SpeakerSide);
        Assert.Equal(TimeSpan.FromSeconds(2.4), utterance.End);
        Assert.Equal("<p>Summary</p>", call.RecordingTranscript.SummaryHtml);
        Assert.Null(call.VoicemailTranscript);
    }

    [Fact]
    public async Task Get_with_fields_that_leave_out_the_id_returns_what_came_back()
    {
        wireMock.Server.Given(Request.Create().UsingGet().WithPathAndQuery(CloseTestClient.CallsPath + "acti_1/?_fields=recording_transcript")).RespondWith(Json(
            body: CloseFixtures.Read("transcript-fields.json")));

        var call = await client.GetAsync("acti_1", [CloseCallFieldNames.RecordingTranscript]);

        Assert.Equal("", call.Id);
        Assert.Equal(2, call.RecordingTranscript!.Utterances!.Count);
    }

    [Fact]
    public async Task Get_escapes_an_id_into_one_path_segment()
    {
        wireMock.Server.Given(Request.Create().UsingGet().WithPathAndQuery(CloseTestClient.CallsPath + "acti%201%3Fx%2Fy/")).RespondWith(Json(body: """{"id":"acti 1?x/y"}"""));

        var call = await client.GetAsync("acti 1?x/y");

        Assert.Equal("acti 1?x/y", call.Id);
        Assert.Equal(CloseTestClient.CallsPath + "acti%201%3Fx%2Fy/", Assert.Single(wireMock.Server.Requests()).PathAndQuery());
    }

    [Fact]
    public async Task Create_posts_the_official_example_body_and_returns_the_logged_call()
    {
        wireMock.Server.Given(Request.Create().UsingPost().WithPathAndQuery(CloseTestClient.CallsPath)).RespondWith(Json(body: CloseFixtures.Read("create-response.json")));
        var request = new CloseCreateCallRequest
        {
            LeadId = "lead_fioU1Nk5LC0H0iei9XBGHW2CFZU0yeP2zZCJQP9pC4m",
            ContactId = "cont_bulY73zoaAwTCLdjHrKzGkzZ942OwtEelJR7kNku9RK",
            UserId = "user_N6KhMpzHRCYQHdn4gRNIFNN5JExnsrprKA6ekxM63XA",
            CreatedBy = "user_N6KhMpzHRCYQHdn4gRNIFNN5JExnsrprKA6ekxM63XA",
            Direction = CloseCallDirection.Outbound,
            Duration = TimeSpan.FromSeconds(153),
            Phone = "+16505551234",
            NoteHtml = "<body><p>call notes go here</p></body>",
        };

        var call = await client.CreateAsync(request);

        var logged = Assert.Single(wireMock.Server.Requests());
        Assert.Equal("POST", logged.Method);
        Assert.Equal(CloseTestClient.CallsPath, logged.PathAndQuery());
        Assert.Equal(CloseTestClient.ExpectedAuthorization, logged.Header("Authorization"));
        Assert.Equal("application/json; charset=utf-8", logged.Header("Content-Type"), ignoreCase: true);
        var body = JsonNode.Parse(logged.Body!)!.AsObject();
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(CloseFixtures.Read("create-request.json")), body), logged.Body);
        Assert.Equal("<body><p>call notes go here</p></body>", body["note_html"]!.GetValue<string>());
        Assert.Equal(153, body["duration"]!.GetValue<int>());
        Assert.Equal("acti_wJGiBIXXBCpBAQacZ7axeOhgTS7TWxyU7ml4WqAswOb", call.Id);
        Assert.Equal(CloseCallMethod.External, call.CallMethod);
        Assert.Equal(CloseCallSource.External, call.Source);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(604_800)] // exactly seven days, Close's longest
    public async Task A_duration_from_zero_to_exactly_seven_days_is_sent_as_whole_seconds(int seconds)
    {
        wireMock.Server.Given(Request.Create().UsingPost().WithPathAndQuery(CloseTestClient.CallsPath)).RespondWith(Json(body: """{"id":"acti_new"}"""));
        wireMock.Server.Given(Request.Create().UsingPut().WithPathAndQuery(CallPath)).RespondWith(Json(body: $$"""{"id":"{{CallId}}"}"""));

        await client.CreateAsync(new CloseCreateCallRequest { LeadId = "lead_1", Duration = TimeSpan.FromSeconds(seconds) });
        await client.UpdateAsync(CallId, new CloseUpdateCallRequest { Duration = TimeSpan.FromSeconds(seconds) });

        var requests = wireMock.Server.Requests();
        Assert.Equal(2, requests.Count);
        Assert.All(requests, r => Assert.Equal(seconds, JsonNode.Parse(r.Body!)!["duration"]!.GetValue<int>()));
    }

    [Fact]
    public async Task A_duration_a_second_past_seven_days_is_refused_before_anything_is_sent()
    {
        var tooLong = TimeSpan.FromSeconds(604_801);

        var create = await Assert.ThrowsAsync<ArgumentException>(() => client.CreateAsync(new CloseCreateCallRequest { LeadId = "lead_1", Duration = tooLong }));
        var update = await Assert.ThrowsAsync<ArgumentException>(() => client.UpdateAsync(CallId, new CloseUpdateCallRequest { Duration = tooLong }));

        Assert.Equal("request.Duration", create.ParamName);
        Assert.Equal("request.Duration", update.ParamName);
        Assert.Contains("from 0 to 604800 (7 days)", create.Message, StringComparison.Ordinal);
        Assert.Empty(wireMock.Server.Requests());
    }

    [Fact]
    public async Task Create_sends_only_what_was_set_with_times_in_utc_and_custom_fields_flattened()
    {
        wireMock.Server.Given(Request.Create().UsingPost().WithPathAndQuery(CloseTestClient.CallsPath)).RespondWith(Json(body: """{"id":"acti_new"}"""));

        await client.CreateAsync(new CloseCreateCallRequest
        {
            Phone = "+447496394234",
            Direction = CloseCallDirection.Inbound,
            Status = CloseCallStatus.NoAnswer,
            RecordingUrl = new Uri("https://cdn.example.com/rec/1.mp3"),
            ActivityAt = new DateTimeOffset(2024, 1, 15, 11, 0, 0, TimeSpan.FromHours(1)),
            CustomFields = new Dictionary<string, JsonNode?> { ["cf_campaign"] = "Spring", ["custom.cf_attempt"] = 2 },
        });

        using var body = JsonDocument.Parse(Assert.Single(wireMock.Server.Requests()).Body!);
        var root = body.RootElement;
        Assert.Equal(
            ["activity_at", "custom.cf_attempt", "custom.cf_campaign", "direction", "phone", "recording_url", "status"],
            root.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal("+447496394234", root.GetProperty("phone").GetString());
        Assert.Equal("inbound", root.GetProperty("direction").GetString());
        Assert.Equal("no-answer", root.GetProperty("status").GetString());
        Assert.Equal("https://cdn.example.com/rec/1.mp3", root.GetProperty("recording_url").GetString());
        Assert.Equal("2024-01-15T10:00:00+00:00", root.GetProperty("activity_at").GetString());
        Assert.Equal("Spring", root.GetProperty("custom.cf_campaign").GetString());
        Assert.Equal(2, root.GetProperty("custom.cf_attempt").GetInt32());
    }

    [Fact]
    public async Task Update_puts_only_the_changed_fields_as_in_the_official_example()
    {
        wireMock.Server.Given(Request.Create().UsingPut().WithPathAndQuery(CallPath)).RespondWith(Json(body: CloseFixtures.Read("update-response.json")));

        var call = await client.UpdateAsync(CallId, new CloseUpdateCallRequest
        {
            NoteHtml = "<body><p>This is some new call note.</p></body>",
            OutcomeId = "outcome_031uY9IKV1JxfNKM9n2qCw",
        });

        var logged = Assert.Single(wireMock.Server.Requests());
        Assert.Equal("PUT", logged.Method);
        Assert.Equal(CallPath, logged.PathAndQuery());
        Assert.Equal(CloseTestClient.ExpectedAuthorization, logged.Header("Authorization"));
        Assert.Equal("application/json; charset=utf-8", logged.Header("Content-Type"), ignoreCase: true);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(CloseFixtures.Read("update-request.json")), JsonNode.Parse(logged.Body!)), logged.Body);
        Assert.Equal("This is some new call note.", call.Note);
    }

    [Fact]
    public async Task Update_sends_explicit_nulls_only_for_the_fields_it_was_told_to_clear()
    {
        wireMock.Server.Given(Request.Create().UsingPut().WithPathAndQuery(CallPath)).RespondWith(Json(body: CloseFixtures.Read("update-response.json")));

        await client.UpdateAsync(CallId, new CloseUpdateCallRequest
        {
            Note = "Left a voicemail.",
            Clear = CloseClearableFields.OutcomeId,
            CustomFields = new Dictionary<string, JsonNode?> { ["cf_campaign"] = null },
        });

        using var body = JsonDocument.Parse(Assert.Single(wireMock.Server.Requests()).Body!);
        var root = body.RootElement;
        Assert.Equal(["custom.cf_campaign", "note", "outcome_id"], root.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal("Left a voicemail.", root.GetProperty("note").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("outcome_id").ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("custom.cf_campaign").ValueKind);
        Assert.False(root.TryGetProperty("recording_url", out _));
    }

    [Fact]
    public async Task Delete_succeeds_on_a_200_with_an_empty_object()
    {
        wireMock.Server.Given(Request.Create().UsingDelete().WithPathAndQuery(CallPath)).RespondWith(Json(body: "{}"));

        await client.DeleteAsync(CallId);

        var logged = Assert.Single(wireMock.Server.Requests());
        Assert.Equal("DELETE", logged.Method);
        Assert.Equal(CallPath, logged.PathAndQuery());
        Assert.Equal(CloseTestClient.ExpectedAuthorization, logged.Header("Authorization"));
    }

    [Fact]
    public async Task Delete_succeeds_on_a_204_without_a_body()
    {
        wireMock.Server.Given(Request.Create().UsingDelete().WithPathAndQuery(CallPath)).RespondWith(Json(status: 204));

        await client.DeleteAsync(CallId);

        Assert.Equal("DELETE", Assert.Single(wireMock.Server.Requests()).Method);
    }

    [Fact]
    public async Task Delete_of_an_unknown_call_is_not_found()
    {
        wireMock.Server.Given(Request.Create().UsingDelete().WithPathAndQuery(CallPath)).RespondWith(Json(status: 404, body: """{"error": "Empty query: Activity matching query does not exist."}"""));

        var exception = await Assert.ThrowsAsync<CallLogNotFoundException>(() => client.DeleteAsync(CallId));

        Assert.Equal("Empty query: Activity matching query does not exist.", exception.ErrorMessage);
        Assert.Equal(CallLogProvider.Close, exception.Provider);
        Assert.Equal(CallPath, exception.Details.RequestPath);
    }
}
