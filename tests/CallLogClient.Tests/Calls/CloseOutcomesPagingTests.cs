using CallLogClient.Close;
using CallLogClient.Close.Outcomes;
using CallLogClient.Errors;
using CallLogClient.Tests.Support;
using CallLogClient.Tests.WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace CallLogClient.Tests.Calls;

/// <summary>Reading the outcomes always ends, whatever <c>has_more</c> says.</summary>
[Collection(WireMockCollection.Name)]
public sealed class CloseOutcomesPagingTests(WireMockFixture wireMock) : IAsyncLifetime
{
    public Task InitializeAsync()
    {
        wireMock.Reset();
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_page_that_repeats_the_one_before_ends_the_read_with_a_format_error()
    {
        wireMock.Server.Given(Request.Create().UsingGet().WithPath("/api/v1/outcome/")).RespondWith(Response.Create()
            .WithStatusCode(200)
            .WithHeader("Content-Type", "application/json")
            .WithBody("""{"data":[{"id":"outcome_1","name":"Demo Booked"}],"has_more":true}"""));
        using var client = new CloseOutcomesClient(new CloseClientOptions
        {
            Credential = CloseCredential.FromApiKey(TestSecrets.CloseApiKey),
            BaseAddress = new Uri(wireMock.BaseUri, "api/v1/"),
        });

        var error = await Assert.ThrowsAsync<CallLogResponseFormatException>(() => client.ListAsync());

        Assert.Contains("The outcomes page at _skip=100 repeats the previous page.", error.Message, StringComparison.Ordinal);
        Assert.Equal(
            ["?_skip=0&_limit=100", "?_skip=100&_limit=100"],
            wireMock.Server.LogEntries.Select(e => e.RequestMessage.RawQuery));
    }
}
