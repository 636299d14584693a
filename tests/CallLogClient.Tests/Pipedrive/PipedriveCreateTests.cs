using System.Text.Json.Nodes;
using CallLogClient.Errors;
using CallLogClient.Pipedrive;
using CallLogClient.Pipedrive.Models;
using CallLogClient.Tests.WireMock;
using WireMock;
using WireMock.RequestBuilders;
using static CallLogClient.Tests.WireMock.Answers;

namespace CallLogClient.Tests.Pipedrive;

public sealed class PipedriveCreateTests(WireMockFixture wireMock) : PipedriveWireMockTests(wireMock)
{
    private const string LeadId = "adf21080-0e10-11eb-879b-05d71fb426ec";

    private void StubCreated() => StubJson("POST", "/v1/callLogs", 200, PipedriveFixtures.Read("create-response.json"));

    private static JsonObject BodyOf(IRequestMessage request) => JsonNode.Parse(request.Body!)!.AsObject();

    [Fact]
    public async Task Sends_every_documented_field_and_returns_the_created_call_log()
    {
        StubCreated();

        var created = await Client.CreateAsync(new PipedriveCreateCallLogRequest
        {
            UserId = 777707777,
            ActivityId = 7007,
            Subject = "Renewal call",
            Duration = TimeSpan.FromSeconds(75),
            Outcome = PipedriveCallOutcome.LeftVoicemail,
            FromPhoneNumber = "+37277774841",
            ToPhoneNumber = "+37249234343",
            StartTime = new DateTimeOffset(2024, 3, 1, 12, 15, 0, TimeSpan.FromHours(2)),
            EndTime = new DateTimeOffset(2024, 3, 1, 12, 16, 15, TimeSpan.FromHours(2)),
            PersonId = 333222111,
            OrgId = 123456789,
            DealId = 553229734,
            Note = "<p>Asked for a <b>callback</b> &amp; a quote</p>",
        });

        var request = SingleRequest();
        Assert.Equal("POST", request.Method);
        Assert.Equal("/v1/callLogs", request.PathAndQuery());
        AssertApiToken(request);
        Assert.StartsWith("application/json", request.Header("Content-Type"), StringComparison.Ordinal);
        var body = BodyOf(request);
        Assert.Equal(
            ["activity_id", "deal_id", "duration", "end_time", "from_phone_number", "note", "org_id", "outcome", "person_id",
             "start_time", "subject", "to_phone_number", "user_id"],
            body.Select(p => p.Key).Order());
        Assert.Equal(777707777, body["user_id"]!.GetValue<long>());
        Assert.Equal(7007, body["activity_id"]!.GetValue<long>());
        Assert.Equal("Renewal call", body["subject"]!.GetValue<string>());
        Assert.Equal("75", body["duration"]!.GetValue<string>());
        Assert.Equal("left_voicemail", body["outcome"]!.GetValue<string>());
        Assert.Equal("+37277774841", body["from_phone_number"]!.GetValue<string>());
        Assert.Equal("+37249234343", body["to_phone_number"]!.GetValue<string>());
        Assert.Equal("2024-03-01 10:15:00", body["start_time"]!.GetValue<string>());
        Assert.Equal("2024-03-01 10:16:15", body["end_time"]!.GetValue<string>());
        Assert.Equal(333222111, body["person_id"]!.GetValue<long>());
        Assert.Equal(123456789, body["org_id"]!.GetValue<long>());
        Assert.Equal(553229734, body["deal_id"]!.GetValue<long>());
        Assert.Equal("<p>Asked for a <b>callback</b> &amp; a quote</p>", body["note"]!.GetValue<string>());

        Assert.Equal("CAd92b224eb4a39b5ad8fea92ff0e", created.Id);
        Assert.Equal(7007, created.ActivityId);
        Assert.Equal(PipedriveCallOutcome.Busy, created.Outcome);
        Assert.Equal(66660666, created.CompanyId);
        Assert.Equal(new DateTimeOffset(2022, 12, 12, 1, 2, 1, TimeSpan.Zero), created.EndTime);
    }

    [Fact]
    public async Task The_body_has_the_shape_of_the_documented_request_example()
    {
        StubCreated();
        var example = JsonNode.Parse(PipedriveFixtures.Read("create-request.json"))!.AsObject();

        await Client.CreateAsync(new PipedriveCreateCallLogRequest
        {
            Subject = "subject",
            Duration = TimeSpan.FromSeconds(60),
            Outcome = PipedriveCallOutcome.Connected,
            FromPhoneNumber = "+55 555 5555",
            ToPhoneNumber = "+55 555 5556",
            StartTime = new DateTimeOffset(2021, 1, 30, 22, 30, 0, TimeSpan.Zero),
            EndTime = new DateTimeOffset(2021, 1, 30, 22, 31, 0, TimeSpan.Zero),
            PersonId = 1,
            OrgId = 1,
            DealId = 1,
            Note = "note",
        });

        var body = BodyOf(SingleRequest());
        Assert.Equal(example.Select(p => p.Key).Order(), body.Select(p => p.Key).Order());
        foreach (var (name, value) in example)
        {
            var expected = name == "duration" ? "\"60\"" : value!.ToJsonString(); // the spec types duration as a string
            Assert.Equal(expected, body[name]!.ToJsonString());
        }
    }

    [Fact]
    public async Task Sends_only_the_fields_that_were_set()
    {
        StubCreated();

        await Client.CreateAsync(PipedriveJson.MinimalRequest());

        var body = BodyOf(SingleRequest());
        Assert.Equal(["end_time", "outcome", "start_time", "to_phone_number"], body.Select(p => p.Key).Order());
        Assert.Equal("connected", body["outcome"]!.GetValue<string>());
        Assert.Equal("+3725550100", body["to_phone_number"]!.GetValue<string>());
        Assert.Equal("2024-03-01 10:00:00", body["start_time"]!.GetValue<string>());
        Assert.Equal("2024-03-01 10:05:00", body["end_time"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_call_that_lasted_no_time_is_sent_with_equal_times_and_a_zero_duration()
    {
        StubCreated();
        var at = new DateTimeOffset(2024, 3, 1, 10, 0, 0, TimeSpan.Zero);

        await Client.CreateAsync(new PipedriveCreateCallLogRequest
        {
            Outcome = PipedriveCallOutcome.NoAnswer,
            ToPhoneNumber = "+3725550100",
            StartTime = at,
            EndTime = at,
            Duration = TimeSpan.Zero,
        });

        var body = BodyOf(SingleRequest());
        Assert.Equal("2024-03-01 10:00:00", body["start_time"]!.GetValue<string>());
        Assert.Equal("2024-03-01 10:00:00", body["end_time"]!.GetValue<string>());
        Assert.Equal("0", body["duration"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(60_000, 60)] // the talk time may be the whole call
    [InlineData(1_500, 2)] // a call of 1.5 s may report 2 s of talk: durations are whole seconds
    public async Task A_duration_up_to_the_calls_length_rounded_up_to_the_second_is_sent(int callMilliseconds, int durationSeconds)
    {
        StubCreated();
        var start = new DateTimeOffset(2024, 3, 1, 10, 0, 0, TimeSpan.Zero);

        await Client.CreateAsync(new PipedriveCreateCallLogRequest
        {
            Outcome = PipedriveCallOutcome.Connected,
            ToPhoneNumber = "+3725550100",
            StartTime = start,
            EndTime = start.AddMilliseconds(callMilliseconds),
            Duration = TimeSpan.FromSeconds(durationSeconds),
        });

        Assert.Equal(durationSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture), BodyOf(SingleRequest())["duration"]!.GetValue<string>());
    }

    [Fact]
    public async Task Sends_a_lead_instead_of_a_deal()
    {
        StubCreated();

        await Client.CreateAsync(new PipedriveCreateCallLogRequest
        {
            Outcome = PipedriveCallOutcome.NoAnswer,
            ToPhoneNumber = "+3725550100",
            StartTime = DateTimeOffset.Parse("2024-03-01T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture),
            EndTime = DateTimeOffset.Parse("2024-03-01T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture), // end may equal start
            LeadId = LeadId,
        });

        var body = BodyOf(SingleRequest());
        Assert.Equal(LeadId, body["lead_id"]!.GetValue<string>());
        Assert.False(body.ContainsKey("deal_id"));
        Assert.Equal("no_answer", body["outcome"]!.GetValue<string>());
    }

    [Fact]
    public async Task Times_go_out_in_UTC_from_any_DateTime_kind()
    {
        StubCreated();
        var utc = new DateTime(2024, 12, 31, 23, 59, 30, DateTimeKind.Utc);
        var local = new DateTime(2025, 1, 1, 0, 30, 0, DateTimeKind.Local);

        await Client.CreateAsync(PipedriveJson.MinimalRequest(start: utc, end: local.AddHours(12)));

        var body = BodyOf(SingleRequest());
        Assert.Equal("2024-12-31 23:59:30", body["start_time"]!.GetValue<string>());
        Assert.Equal(
            local.AddHours(12).ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture),
            body["end_time"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_unknown_outcome_is_sent_as_given()
    {
        StubCreated();

        await Client.CreateAsync(PipedriveJson.MinimalRequest(outcome: new PipedriveCallOutcome("call_back_later")));

        Assert.Equal("call_back_later", BodyOf(SingleRequest())["outcome"]!.GetValue<string>());
    }

    public static TheoryData<string, PipedriveCreateCallLogRequest> InvalidRequests()
    {
        var start = new DateTimeOffset(2024, 3, 1, 10, 0, 0, TimeSpan.Zero);
        PipedriveCreateCallLogRequest Valid(
            PipedriveCallOutcome? outcome = null, string? to = "+3725550100", DateTimeOffset? startTime = null, DateTimeOffset? endTime = null,
            long? userId = null, long? activityId = null, long? personId = null, long? orgId = null, long? dealId = null,
            string? leadId = null, TimeSpan? duration = null, bool noStart = false, bool noEnd = false) => new()
        {
            Outcome = outcome ?? PipedriveCallOutcome.Connected,
            ToPhoneNumber = to,
            StartTime = noStart ? null : startTime ?? start,
            EndTime = noEnd ? null : endTime ?? start.AddMinutes(1),
            UserId = userId,
            ActivityId = activityId,
            PersonId = personId,
            OrgId = orgId,
            DealId = dealId,
            LeadId = leadId,
            Duration = duration,
        };

        return new()
        {
            { "request.Outcome", Valid(outcome: default(PipedriveCallOutcome)) },
            { "request.ToPhoneNumber", Valid(to: null) },
            { "request.ToPhoneNumber", Valid(to: "") },
            { "request.ToPhoneNumber", Valid(to: "   ") },
            { "request.StartTime", Valid(noStart: true) },
            { "request.EndTime", Valid(noEnd: true) },
            { "request.EndTime", Valid(endTime: start.AddSeconds(-1)) },
            // Compared as instants: 11:30+02:00 is 09:30Z, before a 10:00Z start, although its clock reads later.
            { "request.EndTime", Valid(endTime: new DateTimeOffset(2024, 3, 1, 11, 30, 0, TimeSpan.FromHours(2))) },
            { "request.LeadId", Valid(dealId: 5, leadId: LeadId) },
            { "request.LeadId", Valid(leadId: "not-a-uuid") },
            { "request.LeadId", Valid(leadId: "adf210800e1011eb879b05d71fb426ec") },
            { "request.LeadId", Valid(leadId: "{adf21080-0e10-11eb-879b-05d71fb426ec}") },
            { "request.UserId", Valid(userId: 0) },
            { "request.ActivityId", Valid(activityId: -1) },
            { "request.PersonId", Valid(personId: 0) },
            { "request.OrgId", Valid(orgId: -7) },
            { "request.DealId", Valid(dealId: 0) },
            { "request.Duration", Valid(duration: TimeSpan.FromSeconds(-1)) },
            { "request.Duration", Valid(duration: TimeSpan.FromMilliseconds(1500)) },
            { "request.Duration", Valid(endTime: start.AddMilliseconds(1500), duration: TimeSpan.FromSeconds(3)) },
            { "request.Duration", Valid(endTime: start, duration: TimeSpan.FromSeconds(1)) },
        };
    }

    [Theory]
    [MemberData(nameof(InvalidRequests))]
    public async Task An_invalid_request_names_the_field_and_sends_nothing(string field, PipedriveCreateCallLogRequest request)
    {
        StubCreated();

        var exception = await Assert.ThrowsAnyAsync<ArgumentException>(() => Client.CreateAsync(request));

        Assert.Equal(field, exception.ParamName);
        Assert.DoesNotContain("5550100", exception.Message, StringComparison.Ordinal); // no phone number in the message
        AssertNothingSent();
    }

    [Fact]
    public async Task A_null_request_sends_nothing()
    {
        await Assert.ThrowsAsync<ArgumentNullException>("request", () => Client.CreateAsync(null!));

        AssertNothingSent();
    }

    [Fact]
    public async Task The_documented_400_is_a_validation_failure()
    {
        var body = PipedriveFixtures.Read("error-400-bad-request.json");
        StubJson("POST", "/v1/callLogs", 400, body);

        var exception = await Assert.ThrowsAsync<CallLogValidationException>(() => Client.CreateAsync(PipedriveJson.MinimalRequest()));

        Assert.Equal("\"outcome\" is required.", exception.ErrorMessage);
        AssertSafeMessage(exception, body);
    }

    [Fact]
    public async Task A_403_on_create_is_a_permission_failure()
    {
        StubJson("POST", "/v1/callLogs", 403, PipedriveFixtures.Read("error-403-forbidden.json"));

        var exception = await Assert.ThrowsAsync<CallLogPermissionException>(() => Client.CreateAsync(PipedriveJson.MinimalRequest()));

        Assert.Equal("You don't have permission to change this resource.", exception.ErrorMessage);
    }

    [Fact]
    public async Task A_404_on_create_names_the_missing_resource()
    {
        StubJson("POST", "/v1/callLogs", 404, PipedriveFixtures.Read("error-404-not-found.json"));

        var exception = await Assert.ThrowsAsync<CallLogNotFoundException>(() => Client.CreateAsync(PipedriveJson.MinimalRequest()));

        Assert.Equal("A resource required for this operation was not found.", exception.ErrorMessage);
    }

    [Fact]
    public async Task A_500_on_create_leaves_the_outcome_unknown_and_hands_back_the_request()
    {
        StubJson("POST", "/v1/callLogs", 500, PipedriveFixtures.Read("error-500-internal.json"));
        var request = PipedriveJson.MinimalRequest();

        var exception = await Assert.ThrowsAsync<CallLogOutcomeUnknownException>(() => Client.CreateAsync(request));

        Assert.Same(request, exception.Request);
        Assert.Equal("An internal server error occurred", exception.ErrorMessage);
        Assert.Single(Server.Requests());
    }

    [Fact]
    public async Task Success_false_inside_a_200_create_is_a_failure()
    {
        StubJson("POST", "/v1/callLogs", 200, """{"success":false,"error":"Number +37255501234 is blocked","data":null}""");

        var exception = await Assert.ThrowsAsync<CallLogResponseFormatException>(() => Client.CreateAsync(PipedriveJson.MinimalRequest()));

        Assert.Equal("Number *** is blocked", exception.ErrorMessage); // phone numbers are masked
        Assert.DoesNotContain("37255501234", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_create_answered_with_an_empty_success_body_says_so_and_that_it_was_most_likely_created()
    {
        StubJson("POST", "/v1/callLogs", 201, "");

        var error = await Assert.ThrowsAsync<CallLogResponseFormatException>(() => Client.CreateAsync(PipedriveJson.MinimalRequest()));

        Assert.Equal(
            "The response body was empty. The server answered with success, so it was most likely created: look it up before creating it again.",
            error.ErrorMessage);
        Assert.Equal(System.Net.HttpStatusCode.Created, error.StatusCode);
        Assert.Single(Server.Requests());
    }

    [Theory]
    [InlineData("""{"success":true,"data":{"id":"CA1","outcome":""")]
    [InlineData("""{"success":true,"data":{}}""")]
    [InlineData("""{"success":true,"data":null}""")]
    public async Task A_success_whose_body_cannot_be_read_says_the_call_log_was_most_likely_created(string body)
    {
        StubJson("POST", "/v1/callLogs", 200, body);

        var error = await Assert.ThrowsAsync<CallLogResponseFormatException>(() => Client.CreateAsync(PipedriveJson.MinimalRequest()));

        Assert.Contains("most likely created: look it up before creating it again", error.Message, StringComparison.Ordinal);
        Assert.Single(Server.Requests());
    }
}
