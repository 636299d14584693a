using System.Net;
using System.Text.Json;
using CallLogClient.Close;
using CallLogClient.Errors;
using CallLogClient.Tests.WireMock;
using WireMock.RequestBuilders;
using static CallLogClient.Tests.WireMock.Answers;

namespace CallLogClient.Tests.Close;

[Collection(WireMockCollection.Name)]
public sealed class CloseErrorMappingTests(WireMockFixture wireMock) : IAsyncLifetime, IDisposable
{
    private const string CallPath = CloseTestClient.CallsPath + "acti_1/";

    private readonly CloseCallActivitiesClient client = CloseTestClient.Create(wireMock);

    public Task InitializeAsync()
    {
        wireMock.Reset();
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => client.Dispose();

    [Theory]
    [InlineData("error-400-field-errors.json", "status")]
    [InlineData("error-400-required-field.json", "lead")]
    [InlineData("error-400-object-does-not-exist.json", "lead")]
    public async Task A_400_with_field_errors_is_a_validation_exception_exposing_them(string fileName, string field)
    {
        using var document = JsonDocument.Parse(CloseFixtures.Read(fileName));
        var example = document.RootElement.GetProperty("field-errors").GetProperty(field).GetString();
        wireMock.Server.Given(Request.Create().UsingPost().WithPathAndQuery(CloseTestClient.CallsPath)).RespondWith(Json(status: 400, body: CloseFixtures.Read(fileName)));

        var exception = await Assert.ThrowsAsync<CallLogValidationException>(
            () => client.CreateAsync(new() { LeadId = "lead_missing" }));

        Assert.Equal(HttpStatusCode.BadRequest, exception.StatusCode);
        Assert.Equal(example, Assert.Single(exception.FieldErrors, pair => pair.Key == field).Value);
        Assert.Equal($"{field}: {example}", exception.ErrorMessage);
        Assert.Contains($"[fields: {field}]", exception.Message, StringComparison.Ordinal);
        Assert.Equal(CallLogProvider.Close, exception.Provider);
        Assert.Equal("POST", exception.Details.Method);
        Assert.Equal(1, exception.Attempts);
    }

    [Theory]
    [InlineData("error-401.json", 401, typeof(CallLogAuthenticationException))]
    [InlineData("error-404.json", 404, typeof(CallLogNotFoundException))]
    [InlineData("error-404-errors-list.json", 404, typeof(CallLogNotFoundException))]
    public async Task Error_examples_map_to_their_exception_with_the_message_Close_gave(string fileName, int status, Type exceptionType)
    {
        using var example = JsonDocument.Parse(CloseFixtures.Read(fileName));
        var message = example.RootElement.TryGetProperty("error", out var error) ? error.GetString() : example.RootElement.GetProperty("errors")[0].GetString();
        wireMock.Server.Given(Request.Create().UsingGet().WithPathAndQuery(CallPath)).RespondWith(Json(
            status: status,
            body: CloseFixtures.Read(fileName),
            headers: new Dictionary<string, string> { ["X-Request-Id"] = "req-42" }));

        var exception = await Assert.ThrowsAnyAsync<CallLogApiException>(() => client.GetAsync("acti_1"));

        Assert.IsType(exceptionType, exception);
        Assert.Equal((HttpStatusCode)status, exception.StatusCode);
        Assert.Equal(message, exception.ErrorMessage);
        Assert.Equal("req-42", exception.RequestId);
        Assert.Empty(exception.FieldErrors);
        Assert.DoesNotContain(CloseTestClient.ApiKey, exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("YXBpX2tleV8xMjM0NTY3ODkwOg", exception.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_skip_cap_400_is_a_validation_exception_naming_max_skip()
    {
        CloseTestClient.StubList(
            wireMock,
            "_skip=250000&_limit=100",
            """{"error": "The skip you set is larger than the maximum skip for this resource (max_skip = 250000).\nPlease refine your search query."}""",
            status: 400);

        var exception = await Assert.ThrowsAsync<CallLogValidationException>(() => client.ListPageAsync(skip: 250_000));

        Assert.Contains("max_skip = 250000", exception.ErrorMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ratelimit-429-legacy-nested-loopline.json")]
    [InlineData("ratelimit-429-legacy-flat-closex.json")]
    public async Task A_legacy_429_is_a_rate_limit_exception_with_the_body_message_and_the_rate_limit_header(string fileName)
    {
        using var recorded = JsonDocument.Parse(CloseFixtures.Read(fileName));
        var body = recorded.RootElement.TryGetProperty("body", out var flat) ? flat.GetRawText() : recorded.RootElement.GetRawText();
        wireMock.Server.Given(Request.Create().UsingGet().WithPathAndQuery(CallPath)).RespondWith(Json(
            status: 429,
            body: body,
            headers: new Dictionary<string, string>
            {
                ["Content-Type"] = "application/json",
                ["RateLimit"] = "limit=240, remaining=0, reset=0.25",
                ["Retry-After"] = "1",
            }));

        var exception = await Assert.ThrowsAsync<CallLogRateLimitException>(() => client.GetAsync("acti_1"));

        Assert.Equal("API call count exceeded for this period", exception.ErrorMessage);
        Assert.Equal(240, exception.RateLimit?.Limit);
        Assert.Equal(0, exception.RateLimit?.Remaining);
        Assert.Equal(TimeSpan.FromSeconds(0.25), exception.RateLimit?.ResetAfter);
        Assert.Equal(TimeSpan.FromSeconds(0.25), exception.RetryAfter);
        Assert.NotNull(exception.ResetsAt);
    }

    [Fact]
    public async Task A_429_from_the_ingress_without_a_body_is_still_a_rate_limit_exception()
    {
        wireMock.Server.Given(Request.Create().UsingGet().WithPathAndQuery(CallPath)).RespondWith(Json(status: 429, headers: new Dictionary<string, string> { ["Retry-After"] = "2" }));

        var exception = await Assert.ThrowsAsync<CallLogRateLimitException>(() => client.GetAsync("acti_1"));

        Assert.Null(exception.ErrorMessage);
        Assert.Equal(TimeSpan.FromSeconds(2), exception.RetryAfter);
    }

    [Fact]
    public async Task A_plain_text_403_is_a_permission_exception_with_its_text()
    {
        wireMock.Server.Given(Request.Create().UsingGet().WithPathAndQuery(CallPath))
            .RespondWith(Json(403, "Forbidden", new Dictionary<string, string> { ["Content-Type"] = "text/plain" }));

        var exception = await Assert.ThrowsAsync<CallLogPermissionException>(() => client.GetAsync("acti_1"));

        Assert.Equal("Forbidden", exception.ErrorMessage);
    }

    [Fact]
    public async Task An_empty_504_is_a_service_unavailable_exception_without_a_message()
    {
        wireMock.Server.Given(Request.Create().UsingGet().WithPathAndQuery(CallPath)).RespondWith(Json(status: 504));

        var exception = await Assert.ThrowsAsync<CallLogServiceUnavailableException>(() => client.GetAsync("acti_1"));

        Assert.Equal(HttpStatusCode.GatewayTimeout, exception.StatusCode);
        Assert.Null(exception.ErrorMessage);
    }

    [Theory]
    [InlineData("<html><body>maintenance</body></html>")]
    [InlineData("""{"id":"acti_1","cost":"a few cents"}""")]
    [InlineData("""{"id":"acti_1","duration":{"seconds":3}}""")]
    [InlineData("""["acti_1"]""")]
    [InlineData("""{"_type":"Call"}""")]
    public async Task An_unreadable_2xx_call_is_a_response_format_exception(string body)
    {
        wireMock.Server.Given(Request.Create().UsingGet().WithPathAndQuery(CallPath)).RespondWith(Json(body: body));

        var exception = await Assert.ThrowsAsync<CallLogResponseFormatException>(() => client.GetAsync("acti_1"));

        Assert.Equal(HttpStatusCode.OK, exception.StatusCode);
    }

    [Fact]
    public async Task An_unreadable_2xx_list_is_a_response_format_exception()
    {
        CloseTestClient.StubList(wireMock, "_skip=0&_limit=100", """{"data":"none","has_more":false}""");

        await Assert.ThrowsAsync<CallLogResponseFormatException>(() => client.ListPageAsync());
    }

    [Fact]
    public async Task A_validation_error_echoing_a_phone_number_does_not_put_it_in_the_exception()
    {
        wireMock.Server.Given(Request.Create().UsingPost().WithPathAndQuery(CloseTestClient.CallsPath)).RespondWith(Json(
            status: 400,
            body: """{"errors":["+16505551234 could not be matched."],"field-errors":{"phone":"+1 650 555 1234 is not a valid number."}}"""));

        var exception = await Assert.ThrowsAsync<CallLogValidationException>(() => client.CreateAsync(new() { Phone = "+16505551234" }));

        Assert.Equal("*** is not a valid number.", exception.FieldErrors["phone"]);
        Assert.DoesNotContain("555", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("555", exception.ErrorMessage, StringComparison.Ordinal);
    }
}
