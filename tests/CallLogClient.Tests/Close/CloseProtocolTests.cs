using System.Text.Json.Nodes;
using System.Net;
using System.Text;
using System.Text.Json;
using CallLogClient.Close;

namespace CallLogClient.Tests.Close;

public sealed class CloseProtocolTests
{
    private const string SkipCapMessage =
        "The skip you set is larger than the maximum skip for this resource (max_skip = 250000).\nPlease refine your search query.";

    private static readonly DateTimeOffset Now = new(2024, 1, 15, 10, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("error-400-field-errors.json", "status", "Not a valid choice. Please go to Customizations in your organization settings and add \"foo\" to the list of lead statuses.")]
    [InlineData("error-400-required-field.json", "lead", "This field is required.")]
    [InlineData("error-400-object-does-not-exist.json", "lead", "Object does not exist.")]
    public void Field_errors_are_exposed_by_field_and_named_in_the_message(string fileName, string field, string message)
    {
        var error = Parse(CloseFixtures.Read(fileName));

        Assert.Equal(message, Assert.Single(error.FieldErrors!, pair => pair.Key == field).Value);
        Assert.Equal($"{field}: {message}", error.Message);
        Assert.Null(error.Code);
    }

    [Theory]
    [InlineData("error-401.json", "The server could not verify that you are authorized to access the URL requested.  You either supplied the wrong credentials (e.g. a bad password), or your browser doesn't understand how to supply the credentials required.")]
    [InlineData("error-404.json", "Empty query: Lead matching query does not exist.")]
    [InlineData("error-404-errors-list.json", "Source lead does not exist.")]
    [InlineData("ratelimit-429-legacy-nested-loopline.json", "API call count exceeded for this period")]
    public void The_error_string_the_error_object_message_and_the_errors_list_become_the_message(string fileName, string message)
    {
        var error = Parse(CloseFixtures.Read(fileName));

        Assert.Equal(message, error.Message);
        Assert.Empty(error.FieldErrors!);
    }

    [Fact]
    public void The_legacy_flat_429_body_gives_its_message()
    {
        using var recorded = JsonDocument.Parse(CloseFixtures.Read("ratelimit-429-legacy-flat-closex.json"));

        var error = Parse(recorded.RootElement.GetProperty("body").GetRawText());

        Assert.Equal("API call count exceeded for this period", error.Message);
    }

    [Fact]
    public void The_skip_cap_error_keeps_its_max_skip_text()
    {
        var error = Parse(new JsonObject { ["error"] = SkipCapMessage }.ToJsonString());

        Assert.Equal(SkipCapMessage, error.Message);
    }

    [Fact]
    public void Errors_and_field_errors_together_are_joined_and_phone_numbers_in_field_messages_are_masked()
    {
        const string body = """
            {"errors":["Bad request.","Check the fields."],
             "field-errors":{"phone":"+16505551234 is not a valid number.","emails":{"0":{"email":"Invalid."}},"tags":["Too long.","Unknown."]}}
            """;

        var error = Parse(body);

        Assert.Equal("*** is not a valid number.", error.FieldErrors!["phone"]);
        Assert.Equal("""{"0":{"email":"Invalid."}}""", error.FieldErrors["emails"]);
        Assert.Equal("Too long.; Unknown.", error.FieldErrors["tags"]);
        Assert.Equal(
            """Bad request.; Check the fields.; phone: *** is not a valid number.; emails: {"0":{"email":"Invalid."}}; tags: Too long.; Unknown.""",
            error.Message);
    }

    [Fact]
    public void An_empty_errors_body_is_read_without_a_message()
    {
        var error = Parse("""{"errors":[],"field-errors":{}}""");

        Assert.Null(error.Message);
        Assert.Empty(error.FieldErrors!);
    }

    [Theory]
    [InlineData("", null, null)]
    [InlineData("   ", null, null)]
    [InlineData("Forbidden", "text/plain", "Forbidden")]
    [InlineData("<html><head><title>502 Bad Gateway</title></head></html>", "text/html", "HTML page instead of JSON: 502 Bad Gateway")]
    [InlineData("{\"error\": ", "application/json", "{\"error\":")]
    [InlineData("{\"detail\":\"Something else\"}", "application/json", "{\"detail\":\"Something else\"}")]
    [InlineData("[\"not an object\"]", "application/json", "[\"not an object\"]")]
    public void Empty_non_json_and_unknown_bodies_fall_back_to_their_text(string body, string? mediaType, string? message)
    {
        var error = CloseProtocol.Instance.ParseError(Encoding.UTF8.GetBytes(body), mediaType);

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void The_documented_rate_limit_header_is_read()
    {
        using var response = Response(HttpStatusCode.OK, ("RateLimit", "limit=100, remaining=50, reset=5"));

        var info = CloseProtocol.Instance.ParseRateLimit(response, Now)!;

        Assert.Equal(100, info.Limit);
        Assert.Equal(50, info.Remaining);
        Assert.Equal(TimeSpan.FromSeconds(5), info.ResetAfter);
        Assert.Equal(Now.AddSeconds(5), info.ResetsAt);
    }

    [Theory]
    [InlineData("limit=100, remaining=0, reset=0.5", 100, 0, 500)]
    [InlineData("Limit=20;Remaining=3;Reset=1.25", 20, 3, 1250)]
    [InlineData("reset=2, limit=abc, remaining=-1, window=8", null, -1, 2000)]
    [InlineData("limit=100, remaining=50, reset=-3", 100, 50, null)]
    [InlineData("limit=100, remaining=50, reset=1e99", 100, 50, null)]
    [InlineData("limit, =5, reset=", null, null, null)]
    public void Rate_limit_headers_are_read_tolerantly(string header, int? limit, int? remaining, int? resetMilliseconds)
    {
        using var response = Response(HttpStatusCode.OK, ("RateLimit", header));

        var info = CloseProtocol.Instance.ParseRateLimit(response, Now);

        Assert.Equal(limit, info?.Limit);
        Assert.Equal(remaining, info?.Remaining);
        Assert.Equal(resetMilliseconds is { } ms ? TimeSpan.FromMilliseconds(ms) : null, info?.ResetAfter);
    }

    [Fact]
    public void The_legacy_rate_limit_headers_are_read_when_the_current_one_is_absent()
    {
        using var response = Response(
            HttpStatusCode.TooManyRequests,
            ("X-Rate-Limit-Limit", "320"),
            ("X-Rate-Limit-Remaining", "0"),
            ("X-Rate-Limit-Reset", "0.595956"));

        var info = CloseProtocol.Instance.ParseRateLimit(response, Now)!;

        Assert.Equal(320, info.Limit);
        Assert.Equal(0, info.Remaining);
        Assert.Equal(TimeSpan.FromSeconds(0.595956), info.ResetAfter);
    }

    [Fact]
    public void A_response_without_rate_limit_headers_has_no_rate_limit_info()
    {
        using var response = Response(HttpStatusCode.OK);

        Assert.Null(CloseProtocol.Instance.ParseRateLimit(response, Now));
    }

    [Fact]
    public void A_429_waits_for_the_precise_rate_limit_reset_before_retry_after()
    {
        using var response = Response(HttpStatusCode.TooManyRequests, ("RateLimit", "limit=100, remaining=0, reset=0.4"), ("Retry-After", "1"));

        Assert.Equal(TimeSpan.FromSeconds(0.4), CloseProtocol.Instance.ParseRetryDelay(response, [], Now));
    }

    [Fact]
    public void A_429_without_a_rate_limit_reset_waits_for_retry_after()
    {
        using var response = Response(HttpStatusCode.TooManyRequests, ("RateLimit", "limit=100, remaining=0"), ("Retry-After", "2"));

        Assert.Equal(TimeSpan.FromSeconds(2), CloseProtocol.Instance.ParseRetryDelay(response, Encoding.UTF8.GetBytes("""{"error":{"rate_reset":9}}"""), Now));
    }

    [Theory]
    [InlineData("ratelimit-429-legacy-nested-loopline.json", 0.130213)]
    [InlineData("""{"error":{"message":"x","rate_reset":"1.5"}}""", 1.5)]
    [InlineData("""{"message":"x","rate_reset":3}""", 3)]
    public void A_429_with_only_a_legacy_body_waits_for_its_rate_reset(string bodyOrFile, double seconds)
    {
        var body = bodyOrFile.EndsWith(".json", StringComparison.Ordinal) ? CloseFixtures.Read(bodyOrFile) : bodyOrFile;
        using var response = Response(HttpStatusCode.TooManyRequests);

        Assert.Equal(TimeSpan.FromSeconds(seconds), CloseProtocol.Instance.ParseRetryDelay(response, Encoding.UTF8.GetBytes(body), Now));
    }

    [Fact]
    public void The_recorded_flat_legacy_429_body_with_a_string_rate_reset_is_read()
    {
        using var recorded = JsonDocument.Parse(CloseFixtures.Read("ratelimit-429-legacy-flat-closex.json"));
        using var response = Response(HttpStatusCode.TooManyRequests);

        var delay = CloseProtocol.Instance.ParseRetryDelay(response, Encoding.UTF8.GetBytes(recorded.RootElement.GetProperty("body").GetRawText()), Now);

        Assert.Equal(TimeSpan.FromSeconds(0.595956), delay);
    }

    /// <summary>
    /// Retry-After past a year reads as a year, as for Pipedrive; Close's own reset (header or body) is kept up to
    /// int.MaxValue seconds and ignored beyond: either way far past any wait cap, so the call fails at once.
    /// </summary>
    [Theory]
    [InlineData("Retry-After", "40000000", null, 31_536_000.0)]
    [InlineData("Retry-After", "Sat, 01 Jan 2033 00:00:00 GMT", null, 31_536_000.0)]
    [InlineData("RateLimit", "limit=100, remaining=0, reset=40000000", null, 40_000_000.0)]
    [InlineData("RateLimit", "limit=100, remaining=0, reset=2147483648", null, null)]
    [InlineData(null, null, """{"rate_reset":40000000}""", 40_000_000.0)]
    [InlineData(null, null, """{"rate_reset":1e15}""", null)]
    public void A_429_hint_of_more_than_a_year_is_kept_bounded(string? header, string? value, string? body, double? seconds)
    {
        using var response = header is null ? Response(HttpStatusCode.TooManyRequests) : Response(HttpStatusCode.TooManyRequests, (header, value!));

        var delay = CloseProtocol.Instance.ParseRetryDelay(response, Encoding.UTF8.GetBytes(body ?? ""), Now);

        Assert.Equal(seconds is { } s ? TimeSpan.FromSeconds(s) : null, delay);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Too Many Requests")]
    [InlineData("""{"error":"slow down"}""")]
    [InlineData("""{"error":{"rate_reset":"soon"}}""")]
    [InlineData("""{"rate_reset":null}""")]
    [InlineData("""{"rate_reset":-1}""")]
    [InlineData("{\"rate_reset\":")]
    public void A_429_without_any_usable_hint_has_no_delay(string body)
    {
        using var response = Response(HttpStatusCode.TooManyRequests);

        Assert.Null(CloseProtocol.Instance.ParseRetryDelay(response, Encoding.UTF8.GetBytes(body), Now));
    }

    [Fact]
    public void A_503_ignores_the_rate_limit_window_and_the_body_but_honours_retry_after()
    {
        using var withoutRetryAfter = Response(HttpStatusCode.ServiceUnavailable, ("RateLimit", "limit=100, remaining=50, reset=5"));
        using var withRetryAfter = Response(HttpStatusCode.ServiceUnavailable, ("Retry-After", "3"));
        var body = Encoding.UTF8.GetBytes("""{"rate_reset":7}""");

        Assert.Null(CloseProtocol.Instance.ParseRetryDelay(withoutRetryAfter, body, Now));
        Assert.Equal(TimeSpan.FromSeconds(3), CloseProtocol.Instance.ParseRetryDelay(withRetryAfter, body, Now));
    }

    private static Http.ProviderError Parse(string body) =>
        CloseProtocol.Instance.ParseError(Encoding.UTF8.GetBytes(body), "application/json");

    private static HttpResponseMessage Response(HttpStatusCode status, params (string Name, string Value)[] headers)
    {
        var response = new HttpResponseMessage(status);
        foreach (var (name, value) in headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return response;
    }
}
