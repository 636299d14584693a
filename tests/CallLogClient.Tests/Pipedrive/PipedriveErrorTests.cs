using System.Net;
using CallLogClient.Errors;
using CallLogClient.Tests.WireMock;
using WireMock.RequestBuilders;
using static CallLogClient.Tests.WireMock.Answers;

namespace CallLogClient.Tests.Pipedrive;

/// <summary>Every error body the reference shows, and the odd ones Pipedrive really sends, as the caller receives them.</summary>
public sealed class PipedriveErrorTests(WireMockFixture wireMock) : PipedriveWireMockTests(wireMock)
{
    private const string CallLogPath = "/v1/callLogs/CAd92b224eb4a39b5ad8fea92ff0e";

    private Task<T> GetFailingAsync<T>()
        where T : Exception => Assert.ThrowsAnyAsync<T>(() => Client.GetAsync("CAd92b224eb4a39b5ad8fea92ff0e"));

    public static TheoryData<string, int, Type, string, string?> ReferenceErrors => new()
    {
        { "error-400-bad-request.json", 400, typeof(CallLogValidationException), "\"outcome\" is required.", null },
        { "error-400-observed-files-endpoint.json", 400, typeof(CallLogValidationException), "Invalid input: file - This field was not expected.", null },
        { "error-401-unauthorized.json", 401, typeof(CallLogAuthenticationException), "unauthorized access", "401" },
        { "error-403-forbidden.json", 403, typeof(CallLogPermissionException), "You don't have permission to change this resource.", null },
        { "error-403-limit-reached-docs.json", 403, typeof(CallLogPermissionException), "Couldn't add the deal. Open deals limit reached.", "feature_capping_deals_limit" },
        { "error-404-not-found.json", 404, typeof(CallLogNotFoundException), "A resource required for this operation was not found.", null },
        { "error-409-recording-conflict.json", 409, typeof(CallLogConflictException), "A recording for this call already exists", null },
        { "error-410-gone.json", 410, typeof(CallLogNotFoundException), "The callLog you are trying to access is no longer available", null },
        { "error-500-internal.json", 500, typeof(CallLogServiceUnavailableException), "An internal server error occurred", null },
    };

    [Theory]
    [MemberData(nameof(ReferenceErrors))]
    public async Task Every_reference_error_maps_to_its_typed_exception(string fileName, int status, Type exceptionType, string message, string? code)
    {
        var body = PipedriveFixtures.Read(fileName);
        StubJson("GET", CallLogPath, status, body, requestId: $"req-{status}");

        var exception = await GetFailingAsync<CallLogApiException>();

        Assert.IsType(exceptionType, exception);
        Assert.Equal((HttpStatusCode)status, exception.StatusCode);
        Assert.Equal(message, exception.ErrorMessage);
        Assert.Equal(code, exception.ErrorCode);
        Assert.Equal($"req-{status}", exception.RequestId);
        Assert.Equal(CallLogProvider.Pipedrive, exception.Provider);
        Assert.Equal(1, exception.Attempts);
        Assert.Empty(exception.FieldErrors);
        Assert.Contains(message, exception.Message, StringComparison.Ordinal);
        Assert.Contains($"{status}", exception.Message, StringComparison.Ordinal);
        AssertSafeMessage(exception, body);
        Assert.Single(Server.Requests()); // retries are off: one attempt, whatever the status
    }

    [Fact]
    public void Every_reference_error_example_is_exercised() =>
        Assert.Equal(PipedriveFixtures.ErrorFiles.Order(), ReferenceErrors.Select(row => (string)row[0]).Order());

    [Fact]
    public async Task The_Cloudflare_HTML_403_is_a_permission_failure_named_by_its_title()
    {
        const string html = """
            <!DOCTYPE html>
            <html lang="en-US"><head><title>Attention Required! | Cloudflare</title></head>
            <body><h1>Sorry, you have been blocked</h1><p>Cloudflare Ray ID: 8c1f2a3b4c5d6e7f</p></body></html>
            """;
        Server.Given(Request.Create().UsingGet().WithPath(CallLogPath)).RespondWith(Json(
            403, html, new Dictionary<string, string> { ["Content-Type"] = "text/html; charset=UTF-8", ["cf-ray"] = "8c1f2a3b4c5d6e7f-FRA" }));

        var exception = await GetFailingAsync<CallLogPermissionException>();

        Assert.Equal("HTML page instead of JSON: Attention Required! | Cloudflare", exception.ErrorMessage);
        Assert.Equal("8c1f2a3b4c5d6e7f-FRA", exception.RequestId);
        Assert.DoesNotContain("<html", exception.Message, StringComparison.OrdinalIgnoreCase);
        AssertSafeMessage(exception, html);
    }

    [Fact]
    public async Task An_empty_error_body_still_maps_by_status()
    {
        Server.Given(Request.Create().UsingGet().WithPath(CallLogPath)).RespondWith(Json(status: 404));

        var exception = await GetFailingAsync<CallLogNotFoundException>();

        Assert.Null(exception.ErrorMessage);
        Assert.Null(exception.ErrorCode);
        Assert.EndsWith("failed with 404 (NotFound).", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_402_is_a_permission_failure()
    {
        StubJson("GET", CallLogPath, 402, """{"success":false,"error":"Company account is not open"}""");

        var exception = await GetFailingAsync<CallLogPermissionException>();

        Assert.Equal(HttpStatusCode.PaymentRequired, exception.StatusCode);
    }

    [Fact]
    public async Task An_unlisted_status_is_the_base_exception()
    {
        StubJson("GET", CallLogPath, 415, """{"success":false,"error":"Feature not enabled"}""");

        var exception = await GetFailingAsync<CallLogApiException>();

        Assert.Equal(typeof(CallLogApiException), exception.GetType());
        Assert.Equal("Feature not enabled", exception.ErrorMessage);
    }

    [Fact]
    public async Task Success_false_inside_a_200_is_a_failure_with_the_provider_text()
    {
        StubJson("GET", CallLogPath, 200, """{"success":false,"error":"Something is off","data":null}""", requestId: "req-200-false");

        var exception = await GetFailingAsync<CallLogResponseFormatException>();

        Assert.Equal(HttpStatusCode.OK, exception.StatusCode);
        Assert.Equal("Something is off", exception.ErrorMessage);
        Assert.Equal("req-200-false", exception.RequestId);
    }

    [Theory]
    [InlineData("<html><body>maintenance</body></html>", "text/html")]
    [InlineData("{\"success\":true,\"data\":{\"id\":", "application/json")]
    [InlineData("{\"success\":true,\"data\":[1,2]}", "application/json")]
    [InlineData("{\"success\":true,\"data\":{\"start_time\":\"not a date\"}}", "application/json")]
    [InlineData("", "application/json")]
    public async Task An_unreadable_2xx_body_is_a_response_format_failure(string body, string mediaType)
    {
        Server.Given(Request.Create().UsingGet().WithPath(CallLogPath))
            .RespondWith(Json(200, body, new Dictionary<string, string> { ["Content-Type"] = mediaType }));

        var exception = await GetFailingAsync<CallLogResponseFormatException>();

        Assert.Equal(HttpStatusCode.OK, exception.StatusCode);
        if (body.Length > 0)
        {
            Assert.IsType<System.Text.Json.JsonException>(exception.InnerException);
        }
    }

    [Fact]
    public async Task Phone_numbers_in_an_error_are_masked()
    {
        var body = """{"success":false,"error":"Number +372 5555 0101 is on the do-not-call list"}""";
        StubJson("GET", CallLogPath, 400, body);

        var exception = await GetFailingAsync<CallLogValidationException>();

        Assert.Equal("Number *** is on the do-not-call list", exception.ErrorMessage);
        Assert.DoesNotContain("5555", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("5555", exception.Details.ResponseSnippet ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_long_error_body_is_capped_in_the_details_and_absent_from_the_message()
    {
        var body = $$"""{"success":false,"error":"Bad","debug":"{{new string('x', 5000)}}"}""";
        StubJson("GET", CallLogPath, 400, body);

        var exception = await GetFailingAsync<CallLogValidationException>();

        Assert.Equal("Bad", exception.ErrorMessage);
        Assert.True(exception.Details.ResponseSnippet!.Length <= 513, $"snippet has {exception.Details.ResponseSnippet.Length} characters");
        Assert.True(exception.Message.Length < 200, exception.Message);
    }
}
