using System.Text;
using CallLogClient.Pipedrive;

namespace CallLogClient.Tests.Pipedrive;

public sealed class PipedriveErrorParserTests
{
    private static CallLogClient.Http.ProviderError Parse(string body, string? mediaType = "application/json") =>
        PipedriveProtocol.Instance.ParseError(Encoding.UTF8.GetBytes(body), mediaType);

    [Theory]
    [InlineData("error-400-bad-request.json", "\"outcome\" is required.", null)]
    [InlineData("error-400-observed-files-endpoint.json", "Invalid input: file - This field was not expected.", null)]
    [InlineData("error-401-unauthorized.json", "unauthorized access", "401")]
    [InlineData("error-403-forbidden.json", "You don't have permission to change this resource.", null)]
    [InlineData("error-403-limit-reached-docs.json", "Couldn't add the deal. Open deals limit reached.", "feature_capping_deals_limit")]
    [InlineData("error-404-not-found.json", "A resource required for this operation was not found.", null)]
    [InlineData("error-409-recording-conflict.json", "A recording for this call already exists", null)]
    [InlineData("error-410-gone.json", "The callLog you are trying to access is no longer available", null)]
    [InlineData("error-500-internal.json", "An internal server error occurred", null)]
    public void Reads_every_reference_error_example(string fileName, string message, string? code)
    {
        var error = Parse(PipedriveFixtures.Read(fileName));

        Assert.Equal(message, error.Message);
        Assert.Equal(code, error.Code);
        Assert.Empty(error.FieldErrors ?? new Dictionary<string, string>());
    }

    [Fact]
    public void The_error_examples_are_all_covered() =>
        Assert.Equal(
            PipedriveFixtures.ErrorFiles.Order(),
            Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures", "pipedrive"), "error-*.json").Select(Path.GetFileName).Order());

    [Fact]
    public void Reads_the_daily_budget_429_shape()
    {
        var error = Parse("""{"success":false,"error":"daily request budget exceeded","errorCode":429}""");

        Assert.Equal("daily request budget exceeded", error.Message);
        Assert.Equal("429", error.Code);
    }

    [Fact]
    public void Reads_a_string_errorCode()
    {
        var error = Parse("""{"success":false,"error":"nope","errorCode":"E_TOKEN"}""");

        Assert.Equal("E_TOKEN", error.Code);
    }

    [Fact]
    public void Describes_the_Cloudflare_HTML_403_by_its_title()
    {
        const string html = """
            <!DOCTYPE html>
            <html lang="en-US"><head><title>Attention Required! | Cloudflare</title></head>
            <body><h1>Sorry, you have been blocked</h1><p>Ray ID: 8c1f2a3b4c5d6e7f</p></body></html>
            """;

        var error = Parse(html, "text/html");

        Assert.Equal("HTML page instead of JSON: Attention Required! | Cloudflare", error.Message);
        Assert.Null(error.Code);
    }

    [Fact]
    public void Describes_HTML_without_a_declared_media_type() =>
        Assert.StartsWith("HTML page instead of JSON", Parse("<html><body>blocked</body></html>", mediaType: null).Message, StringComparison.Ordinal);

    [Theory]
    [InlineData("")]
    [InlineData("   \r\n")]
    public void An_empty_body_has_no_message(string body)
    {
        var error = Parse(body, mediaType: null);

        Assert.Null(error.Message);
        Assert.Null(error.Code);
    }

    [Theory]
    [InlineData("""{"success":false,"error":{"message":"nested"}}""")]
    [InlineData("""{"success":false,"error":"cut off""")]
    [InlineData("""{"success":false,"data":null}""")]
    [InlineData("""{"success":false,"error":"x","code":17}""")]
    [InlineData("[1,2,3]")]
    [InlineData("null")]
    [InlineData("\u00ff\u00fe garbage")]
    public void Never_throws_on_unexpected_JSON(string body)
    {
        var error = Parse(body);

        Assert.NotNull(error);
    }

    [Fact]
    public void Keeps_long_plain_text_short()
    {
        var error = Parse(new string('x', 5000), "text/plain");

        Assert.True(error.Message!.Length <= 201, $"message was {error.Message.Length} characters");
    }
}
