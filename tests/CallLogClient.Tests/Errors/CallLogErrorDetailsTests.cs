using System.Net;
using CallLogClient.Errors;

namespace CallLogClient.Tests.Errors;

public sealed class CallLogErrorDetailsTests
{
    [Fact]
    public void ToString_shows_the_request_line_and_status_but_no_body_or_provider_text()
    {
        var details = new CallLogErrorDetails
        {
            Provider = CallLogProvider.Pipedrive,
            Method = "POST",
            RequestPath = "/v1/callLogs",
            StatusCode = HttpStatusCode.InternalServerError,
            ErrorMessage = "note 'asked about test results' rejected",
            ResponseSnippet = """{"note":"asked about test results"}""",
            FieldErrors = new Dictionary<string, string> { ["note"] = "asked about test results" },
            Attempts = 2,
        };

        var text = details.ToString();

        Assert.Equal("Pipedrive POST /v1/callLogs → 500, 2 attempt(s)", text);
        Assert.DoesNotContain("test results", text, StringComparison.Ordinal);
    }
}
