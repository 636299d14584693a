using CallLogClient.Errors;
using CallLogClient.Pipedrive;
using CallLogClient.Tests.Support;
using CallLogClient.Tests.WireMock;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using static CallLogClient.Tests.WireMock.Answers;

namespace CallLogClient.Tests.Pipedrive;

public sealed class PipedriveGetTests(WireMockFixture wireMock) : PipedriveWireMockTests(wireMock)
{
    private const string Id = "CAd92b224eb4a39b5ad8fea92ff0e";

    [Fact]
    public async Task Gets_the_reference_example_field_by_field()
    {
        StubJson("GET", $"/v1/callLogs/{Id}", 200, PipedriveFixtures.Read("get-response.json"));

        var callLog = await Client.GetAsync(Id);

        var request = SingleRequest();
        Assert.Equal("GET", request.Method);
        Assert.Equal($"/v1/callLogs/{Id}", request.PathAndQuery());
        AssertApiToken(request);
        Assert.Empty(request.BodyAsBytes ?? []);

        Assert.Equal(Id, callLog.Id);
        Assert.Equal(7007, callLog.ActivityId);
        Assert.Equal(333222111, callLog.PersonId);
        Assert.Equal(123456789, callLog.OrgId);
        Assert.Equal(553229734, callLog.DealId);
        Assert.Equal("Just call me maybe", callLog.Subject);
        Assert.Equal(TimeSpan.Zero, callLog.Duration);
        Assert.Equal(PipedriveCallOutcome.Busy, callLog.Outcome);
        Assert.Equal("+37277774841", callLog.FromPhoneNumber);
        Assert.Equal("+37249234343", callLog.ToPhoneNumber);
        Assert.False(callLog.HasRecording);
        Assert.Equal(new DateTimeOffset(2022, 12, 12, 1, 1, 1, TimeSpan.Zero), callLog.StartTime);
        Assert.Equal(new DateTimeOffset(2022, 12, 12, 1, 2, 1, TimeSpan.Zero), callLog.EndTime);
        Assert.Equal(777707777, callLog.UserId);
        Assert.Equal(66660666, callLog.CompanyId);
        Assert.Equal("A note for the call log", callLog.Note);
    }

    [Theory]
    [InlineData("abc def", "/v1/callLogs/abc%20def")]
    [InlineData("a?b#c", "/v1/callLogs/a%3Fb%23c")]
    [InlineData("50%+1", "/v1/callLogs/50%25%2B1")]
    [InlineData("a/b", "/v1/callLogs/a%2Fb")]
    [InlineData("ünï", "/v1/callLogs/%C3%BCn%C3%AF")]
    public async Task The_id_is_escaped_as_one_path_segment(string id, string expectedPath)
    {
        // WireMock.Net logs the URL partly unescaped (%2B comes back as +); the raw server keeps the request target as sent.
        using var host = RawHttpServer.Answering(200, """{"success":true,"data":{"id":"x"}}""");

        await CreateClient(o => o.BaseAddress = new Uri(host.BaseUri, "v1/")).GetAsync(id);

        Assert.Equal(expectedPath, Assert.Single(host.Requests).Target, StringComparer.Ordinal);
    }

    [Theory]
    [InlineData(".")]
    [InlineData("..")]
    public async Task A_dot_segment_id_cannot_leave_the_call_log_path(string id)
    {
        Server.Given(Request.Create().UsingAnyMethod().WithPath(new RegexMatcher("^" + "/.*" + "$"))).RespondWith(Json(body: """{"success":true,"data":{"id":"x"}}"""));

        var exception = await Assert.ThrowsAnyAsync<ArgumentException>(() => Client.GetAsync(id));

        Assert.Equal("id", exception.ParamName);
        AssertNothingSent();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public async Task An_empty_id_is_refused_before_sending(string? id)
    {
        var exception = await Assert.ThrowsAnyAsync<ArgumentException>(() => Client.GetAsync(id!));

        Assert.Equal("id", exception.ParamName);
        AssertNothingSent();
    }

    [Fact]
    public async Task A_missing_call_log_is_not_found()
    {
        var body = PipedriveFixtures.Read("error-404-not-found.json");
        StubJson("GET", "/v1/callLogs/nope", 404, body, requestId: "req-404-1");

        var exception = await Assert.ThrowsAsync<CallLogNotFoundException>(() => Client.GetAsync("nope"));

        Assert.False(exception.IsGone);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, exception.StatusCode);
        Assert.Equal("A resource required for this operation was not found.", exception.ErrorMessage);
        Assert.Equal("req-404-1", exception.RequestId);
        Assert.Equal(CallLogProvider.Pipedrive, exception.Provider);
        Assert.Equal(1, exception.Attempts);
        Assert.Contains("GET /v1/callLogs/nope", exception.Message, StringComparison.Ordinal);
        AssertSafeMessage(exception, body);
    }

    [Fact]
    public async Task Success_without_data_is_a_format_failure()
    {
        StubJson("GET", $"/v1/callLogs/{Id}", 200, """{"success":true,"data":null}""");

        var exception = await Assert.ThrowsAsync<CallLogResponseFormatException>(() => Client.GetAsync(Id));

        Assert.Equal(System.Net.HttpStatusCode.OK, exception.StatusCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData("null")]
    public async Task An_empty_success_body_is_a_format_failure_that_says_the_body_was_empty(string body)
    {
        StubJson("GET", $"/v1/callLogs/{Id}", 200, body);

        var exception = await Assert.ThrowsAsync<CallLogResponseFormatException>(() => Client.GetAsync(Id));

        Assert.Equal("The response body was empty.", exception.ErrorMessage);
        Assert.Equal(System.Net.HttpStatusCode.OK, exception.StatusCode);
        Assert.Equal(1, exception.Attempts);
        Assert.Null(exception.InnerException);
        Assert.Equal(body.Length == 0 ? null : body, exception.Details.ResponseSnippet);
    }

    [Fact]
    public async Task Unknown_properties_of_a_call_log_reach_the_caller()
    {
        StubJson("GET", $"/v1/callLogs/{Id}", 200,
            $$$"""{"success":true,"data":{"id":"{{{Id}}}","outcome":"hung_up_by_robot","recording_url":"https://x.test/r.mp3"},"related_objects":{}}""");

        var callLog = await Client.GetAsync(Id);

        Assert.Equal("hung_up_by_robot", callLog.Outcome?.Value);
        Assert.False(callLog.Outcome?.IsKnown);
        Assert.Equal("https://x.test/r.mp3", callLog.AdditionalProperties!["recording_url"].GetString());
    }

    [Fact]
    public async Task A_call_log_without_an_id_is_an_unreadable_response()
    {
        StubJson("GET", "/v1/callLogs/CA1", 200, """{"success":true,"data":{"outcome":"busy"}}""");

        var error = await Assert.ThrowsAsync<CallLogResponseFormatException>(() => Client.GetAsync("CA1"));

        Assert.Contains("no id", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("created", error.Message, StringComparison.Ordinal);
    }
}
