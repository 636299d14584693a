using CallLogClient.Close;
using CallLogClient.Tests.WireMock;
using Microsoft.Extensions.DependencyInjection;

namespace CallLogClient.Tests.Close;

[Collection(WireMockCollection.Name)]
public sealed class CloseClientSetupTests(WireMockFixture wireMock) : IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        wireMock.Reset();
        CloseTestClient.StubList(wireMock, "_skip=0&_limit=1", CloseTestClient.Page(false));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_client_from_dependency_injection_signs_with_the_api_key_and_talks_to_the_configured_address()
    {
        var services = new ServiceCollection();
        var builder = services.AddCloseCallActivities(options =>
        {
            options.Credential = CloseCredential.FromApiKey(CloseTestClient.ApiKey);
            options.BaseAddress = new Uri(wireMock.BaseUri, "api/v1");
            options.ApplicationId = "acme-dialer";
        });
        await using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<ICloseCallActivitiesClient>();
        var page = await client.ListPageAsync(limit: 1);

        Assert.Equal(CloseCallActivitiesClient.HttpClientName, builder.Name);
        Assert.IsType<CloseCallActivitiesClient>(client);
        Assert.Empty(page.Items);
        var request = Assert.Single(wireMock.Server.Requests());
        Assert.Equal(CloseTestClient.CallsPath + "?_skip=0&_limit=1", request.PathAndQuery());
        Assert.Equal(CloseTestClient.ExpectedAuthorization, request.Header("Authorization"));
        Assert.EndsWith(" acme-dialer", request.Header("User-Agent"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dependency_injection_rejects_options_without_a_credential_when_the_client_is_built()
    {
        var services = new ServiceCollection();
        services.AddCloseCallActivities(options => options.BaseAddress = new Uri(wireMock.BaseUri, "api/v1/"));
        await using var provider = services.BuildServiceProvider();

        var exception = Assert.ThrowsAny<Exception>(() => provider.GetRequiredService<ICloseCallActivitiesClient>());

        Assert.Contains("credential", exception.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(wireMock.Server.Requests());
    }

    [Fact]
    public async Task An_oauth_access_token_is_sent_as_a_bearer_token()
    {
        using var client = CloseTestClient.Create(wireMock, options => options.Credential = CloseCredential.FromAccessToken("oauth-token-1"));

        await client.ListPageAsync(limit: 1);

        Assert.Equal("Bearer oauth-token-1", Assert.Single(wireMock.Server.Requests()).Header("Authorization"));
    }

    [Fact]
    public async Task A_token_provider_is_asked_on_every_call_so_a_refreshed_token_is_used_at_once()
    {
        var issued = 0;
        using var client = CloseTestClient.Create(wireMock, options => options.Credential =
            CloseCredential.FromAccessTokenProvider(_ => ValueTask.FromResult($"token-{Interlocked.Increment(ref issued)}")));

        await client.ListPageAsync(limit: 1);
        await client.ListPageAsync(limit: 1);

        Assert.Equal(["Bearer token-1", "Bearer token-2"], (wireMock.Server.Requests()).Select(r => r.Header("Authorization")));
    }

    [Fact]
    public void The_default_address_is_the_close_api_v1()
    {
        Assert.Equal(new Uri("https://api.close.com/api/v1/"), new CloseClientOptions().BaseAddress);
    }

    [Theory]
    [InlineData("http://api.close.com/api/v1/")]
    [InlineData("ftp://api.close.com/api/v1/")]
    [InlineData("https://api.close.com/api/v1/?api_key=x")]
    [InlineData("https://user:pass@api.close.com/api/v1/")]
    public void Options_refuse_an_insecure_or_odd_base_address(string address)
    {
        var options = new CloseClientOptions { Credential = CloseCredential.FromApiKey("key"), BaseAddress = new Uri(address) };

        var exception = Assert.Throws<ArgumentException>(() => new CloseCallActivitiesClient(options));

        Assert.Equal("BaseAddress", exception.ParamName);
    }

    [Fact]
    public void Options_require_a_credential()
    {
        var exception = Assert.Throws<ArgumentException>(() => new CloseCallActivitiesClient(new CloseClientOptions()));

        Assert.Equal("Credential", exception.ParamName);
    }

    [Fact]
    public void A_credential_never_shows_its_secret()
    {
        var apiKey = CloseCredential.FromApiKey(CloseTestClient.ApiKey);
        var token = CloseCredential.FromAccessToken("oauth-secret");

        Assert.Equal("CloseCredential(ApiKey)", apiKey.ToString());
        Assert.Equal("CloseCredential(OAuth)", token.ToString());
        Assert.Equal("CloseCredential(OAuth)", CloseCredential.FromAccessTokenProvider(_ => ValueTask.FromResult("t")).ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("key:password")]
    [InlineData("key with spaces")]
    public void An_api_key_that_cannot_be_one_is_refused_without_echoing_it(string apiKey)
    {
        var exception = Assert.ThrowsAny<ArgumentException>(() => CloseCredential.FromApiKey(apiKey));

        Assert.Equal("apiKey", exception.ParamName);
        if (apiKey.Trim().Length > 0)
        {
            Assert.DoesNotContain(apiKey, exception.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void An_empty_access_token_is_refused()
    {
        Assert.Equal("accessToken", Assert.ThrowsAny<ArgumentException>(() => CloseCredential.FromAccessToken(" ")).ParamName);
    }
}
