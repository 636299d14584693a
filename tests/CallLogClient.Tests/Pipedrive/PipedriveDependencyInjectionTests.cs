using CallLogClient.Pipedrive;
using CallLogClient.Tests.WireMock;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WireMock.RequestBuilders;
using static CallLogClient.Tests.WireMock.Answers;

namespace CallLogClient.Tests.Pipedrive;

[Collection(WireMockCollection.Name)]
public sealed class PipedriveDependencyInjectionTests(WireMockFixture wireMock) : IAsyncLifetime
{
    private const string ApiToken = "pd-di-token-77b1c0";

    public Task InitializeAsync()
    {
        wireMock.Reset();
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private void UseWireMock(PipedriveClientOptions options)
    {
        options.Credential = PipedriveCredential.FromApiToken(ApiToken);
        options.BaseAddress = new Uri(wireMock.BaseUri, "v1/");
        options.Retry.MaxRetries = 0;
    }

    [Fact]
    public async Task The_registered_client_calls_Pipedrive_with_the_api_token()
    {
        wireMock.Server.Given(Request.Create().UsingGet().WithPath("/v1/callLogs/c-1")).RespondWith(Json(body: PipedriveFixtures.Read("get-response.json")));
        var services = new ServiceCollection().AddLogging();
        services.AddPipedriveCallLogs(UseWireMock);
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        var client = provider.GetRequiredService<IPipedriveCallLogsClient>();
        var callLog = await client.GetAsync("c-1");

        Assert.IsType<PipedriveCallLogsClient>(client);
        Assert.Same(client, provider.GetRequiredService<IPipedriveCallLogsClient>());
        Assert.Equal("CAd92b224eb4a39b5ad8fea92ff0e", callLog.Id);
        var request = Assert.Single(wireMock.Server.Requests());
        Assert.Equal("GET", request.Method);
        Assert.Equal("/v1/callLogs/c-1", request.PathAndQuery());
        Assert.Equal(ApiToken, request.Header("x-api-token"));
        Assert.Null(request.Header("Authorization"));
        Assert.DoesNotContain(ApiToken, request.PathAndQuery(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_registered_client_accepts_compressed_responses_like_the_standalone_one()
    {
        wireMock.Server.Given(Request.Create().UsingGet().WithPath("/v1/callLogs/c-1")).RespondWith(Json(body: PipedriveFixtures.Read("get-response.json")));
        var services = new ServiceCollection();
        services.AddPipedriveCallLogs(UseWireMock);
        await using var provider = services.BuildServiceProvider();

        var callLog = await provider.GetRequiredService<IPipedriveCallLogsClient>().GetAsync("c-1");

        Assert.Equal("CAd92b224eb4a39b5ad8fea92ff0e", callLog.Id);
        Assert.Contains("gzip", Assert.Single(wireMock.Server.Requests()).Header("Accept-Encoding"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Handlers_added_to_the_returned_builder_see_every_request()
    {
        wireMock.Server.Given(Request.Create().UsingDelete().WithPath("/v1/callLogs/c-2")).RespondWith(Json(body: """{"success":true}"""));
        var seen = new List<string>();
        var services = new ServiceCollection();
        var builder = services.AddPipedriveCallLogs(UseWireMock).AddHttpMessageHandler(() => new ObservingHandler(seen));
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<IPipedriveCallLogsClient>().DeleteAsync("c-2");

        Assert.Equal(PipedriveCallLogsClient.HttpClientName, builder.Name);
        Assert.Equal(["DELETE /v1/callLogs/c-2"], seen);
        Assert.Single(wireMock.Server.Requests());
    }

    public static TheoryData<string, Action<PipedriveClientOptions>> BadOptions => new()
    {
        { "Credential", options => options.BaseAddress = new Uri("https://api.pipedrive.com/v1/") },
        { "BaseAddress", options => { options.Credential = PipedriveCredential.FromApiToken(ApiToken); options.BaseAddress = new Uri("http://api.pipedrive.com/v1/"); } },
        { "CompanyDomain", options => { options.Credential = PipedriveCredential.FromApiToken(ApiToken); options.CompanyDomain = "acme.evil.example"; } },
        { "Retry.MaxRetries", options => { options.Credential = PipedriveCredential.FromApiToken(ApiToken); options.Retry.MaxRetries = -1; } },
    };

    [Theory]
    [MemberData(nameof(BadOptions))]
    public async Task Bad_options_fail_when_the_client_is_resolved(string field, Action<PipedriveClientOptions> configure)
    {
        var services = new ServiceCollection();
        services.AddPipedriveCallLogs(configure);
        await using var provider = services.BuildServiceProvider();

        var exception = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IPipedriveCallLogsClient>());

        Assert.Contains(field.Split('.')[^1], exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(ApiToken, exception.Message, StringComparison.Ordinal);
        Assert.Empty(wireMock.Server.Requests());
    }

    [Theory]
    [MemberData(nameof(BadOptions))]
    public async Task Bad_options_fail_at_startup(string field, Action<PipedriveClientOptions> configure)
    {
        var services = new ServiceCollection();
        services.AddPipedriveCallLogs(configure);
        await using var provider = services.BuildServiceProvider();

        var exception = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(field.Split('.')[^1], exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Good_options_pass_startup_validation()
    {
        var services = new ServiceCollection();
        services.AddPipedriveCallLogs(UseWireMock);
        await using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<IStartupValidator>().Validate();
    }

    [Fact]
    public void Null_arguments_are_rejected()
    {
        Assert.Throws<ArgumentNullException>("services", () => ((IServiceCollection)null!).AddPipedriveCallLogs(UseWireMock));
        Assert.Throws<ArgumentNullException>("configure", () => new ServiceCollection().AddPipedriveCallLogs(null!));
    }

    private sealed class ObservingHandler(List<string> seen) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            seen.Add($"{request.Method} {request.RequestUri!.AbsolutePath}");
            return base.SendAsync(request, cancellationToken);
        }
    }
}
