using CallLogClient.Errors;
using CallLogClient.Pipedrive;
using CallLogClient.Tests.WireMock;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.Server;
using static CallLogClient.Tests.WireMock.Answers;

namespace CallLogClient.Tests.Pipedrive;

/// <summary>
/// Base of the Pipedrive tests that run against WireMock: a fresh server state and a client with an API token, pointed
/// at <c>{wiremock}/v1/</c> with retries off, plus the journal assertions every endpoint shares.
/// </summary>
[Collection(WireMockCollection.Name)]
public abstract class PipedriveWireMockTests : IAsyncLifetime, IDisposable
{
    protected const string ApiToken = "pd-test-token-4c1d9e7a";

    private readonly List<PipedriveCallLogsClient> clients = [];

    protected PipedriveWireMockTests(WireMockFixture wireMock)
    {
        WireMock = wireMock;
        Client = CreateClient();
    }

    protected WireMockFixture WireMock { get; }

    protected WireMockServer Server => WireMock.Server;

    protected PipedriveCallLogsClient Client { get; }

    protected Uri BaseAddress => new(WireMock.BaseUri, "v1/");

    public Task InitializeAsync()
    {
        WireMock.Reset();
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            clients.ForEach(client => client.Dispose());
        }
    }

    protected PipedriveCallLogsClient CreateClient(Action<PipedriveClientOptions>? configure = null)
    {
        var options = new PipedriveClientOptions { Credential = PipedriveCredential.FromApiToken(ApiToken), BaseAddress = BaseAddress };
        options.Retry.MaxRetries = 0;
        configure?.Invoke(options);
        var client = new PipedriveCallLogsClient(options);
        clients.Add(client);
        return client;
    }

    protected IRequestMessage SingleRequest() => Assert.Single(Server.Requests());

    protected void AssertNothingSent() => Assert.Empty(Server.Requests());

    /// <summary>The API token travels in the x-api-token header, and nowhere else.</summary>
    protected static void AssertApiToken(IRequestMessage request)
    {
        Assert.Equal(ApiToken, request.Header("x-api-token"));
        Assert.DoesNotContain(ApiToken, request.PathAndQuery(), StringComparison.Ordinal);
        Assert.DoesNotContain("api_token", request.PathAndQuery(), StringComparison.OrdinalIgnoreCase);
        Assert.Null(request.Header("Authorization"));
        Assert.StartsWith("CallLogClient/", request.Header("User-Agent"), StringComparison.Ordinal);
    }

    /// <summary>What a caller sees in an exception message: never the token, never the whole body.</summary>
    protected static void AssertSafeMessage(CallLogApiException exception, string body)
    {
        Assert.DoesNotContain(ApiToken, exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(ApiToken, exception.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(ApiToken, exception.Details.ToString(), StringComparison.Ordinal);
        if (body.Trim().Length > 0)
        {
            Assert.DoesNotContain(body.Trim(), exception.Message, StringComparison.Ordinal);
        }
    }

    /// <summary>Answers <paramref name="method"/> <paramref name="urlPath"/> with <paramref name="body"/> as JSON, and an x-request-id header if given.</summary>
    protected void StubJson(string method, string urlPath, int status, string body, string? requestId = null) =>
        Server.Given(Request.Create().UsingMethod(method).WithPath(urlPath))
            .RespondWith(Json(status, body, requestId is null ? null : new Dictionary<string, string> { ["x-request-id"] = requestId }));
}
