using CallLogClient.Close;
using CallLogClient.Errors;
using CallLogClient.Pipedrive;
using CallLogClient.Tests.Support;

namespace CallLogClient.Tests.Hostile;

/// <summary>A server that echoes the client's credential back cannot get it into anything the client reports.</summary>
public sealed class EchoedCredentialTests : HostileServerTest
{
    private const string Escape = "\u001b[31m";

    public static TheoryData<string> PipedriveCredentials => ["api token", "access token provider"];

    public static TheoryData<string> CloseCredentials => ["api key", "access token provider"];

    [Theory]
    [MemberData(nameof(PipedriveCredentials))]
    public async Task A_Pipedrive_error_echoing_the_credential_everywhere_reports_it_masked(string credential)
    {
        var server = Serve((request, connection) =>
        {
            var secret = request.Headers.TryGetValue("x-api-token", out var token) ? token : request.Headers["Authorization"][7..];
            return connection.RespondAsync(
                400,
                $$"""{"success":false,"error":"Token {{secret}} is invalid","error_info":"{{secret}}","errorCode":"{{secret}}"}""",
                ("x-request-id", $"req-{secret}{Escape}"));
        });
        var client = Pipedrive(server, options => options.Credential = credential == "api token"
            ? PipedriveCredential.FromApiToken(TestSecrets.PipedriveApiToken)
            : PipedriveCredential.FromAccessTokenProvider(_ => ValueTask.FromResult(TestSecrets.PipedriveAccessToken)));

        var error = await Output.ThrowsAsync<CallLogValidationException>(client.GetAsync("1"));

        Assert.Equal("Token *** is invalid", error.ErrorMessage);
        Assert.Equal("req-*** [31m", error.RequestId);
        Assert.DoesNotContain('\u001b', error.Message);
        Assert.Contains("***", error.Details.ResponseSnippet, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(CloseCredentials))]
    public async Task A_Close_field_error_echoing_the_credential_reports_it_masked(string credential)
    {
        var server = Serve((request, connection) =>
        {
            var authorization = request.Headers["Authorization"];
            var secret = authorization.StartsWith("Bearer ", StringComparison.Ordinal)
                ? authorization[7..]
                : TestSecrets.CloseApiKey;
            return connection.RespondAsync(
                400,
                $$"""{"errors":["{{secret}} refused, sent as {{authorization}}"],"field-errors":{"{{secret}}":"{{secret}} is not a lead"} }""",
                ("x-request-id", secret + "\r"));
        });
        var client = Close(server, options => options.Credential = credential == "api key"
            ? CloseCredential.FromApiKey(TestSecrets.CloseApiKey)
            : CloseCredential.FromAccessTokenProvider(_ => ValueTask.FromResult(TestSecrets.CloseAccessToken)));

        var error = await Output.ThrowsAsync<CallLogValidationException>(client.CreateAsync(CloseCreate()));

        Assert.Equal("*** is not a lead", Assert.Single(error.FieldErrors, field => field.Key == "***").Value);
        Assert.Equal("*** ", error.RequestId);
    }

    [Fact]
    public async Task A_successful_response_echoing_the_credential_in_its_request_id_returns_and_logs_it_masked()
    {
        var server = Serve((request, connection) => connection.RespondAsync(
            200, PipedriveOk, ("x-request-id", request.Headers["x-api-token"] + "\u0007\u001b[2Kforged log line")));

        var response = await Pipedrive(server).GetWithResponseAsync("c1");

        Assert.Equal("***  [2Kforged log line", response.RequestId);
        Assert.Contains(Output.Logs, log => log.Message.Contains("request id ***  [2Kforged log line", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("token\r\nX-Injected: yes")]
    [InlineData("tökén")]
    public async Task A_token_provider_returning_nothing_usable_fails_typed_and_sends_nothing(string? token)
    {
        var server = Serve(200, PipedriveOk);
        var client = Pipedrive(server, options => options.Credential = PipedriveCredential.FromAccessTokenProvider(_ => ValueTask.FromResult(token!)));

        var error = await Output.ThrowsAsync<CallLogAuthenticationException>(client.CreateAsync(PipedriveCreate()));

        Assert.Empty(server.Requests);
        Assert.Equal(0, error.Attempts);
        Assert.Null(error.StatusCode);
        Assert.StartsWith("Pipedrive POST /v1/callLogs failed before a response arrived: the access token provider returned", error.Message, StringComparison.Ordinal);
    }
}
