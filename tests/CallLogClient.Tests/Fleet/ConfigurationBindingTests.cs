using CallLogClient.Close;
using CallLogClient.Pipedrive;
using CallLogClient.Tests.WireMock;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WireMock.RequestBuilders;
using static CallLogClient.Tests.WireMock.Answers;

namespace CallLogClient.Tests.Fleet;

/// <summary>Options bound from IConfiguration (source-generated binding), validated at start-up under their keys.</summary>
[Collection(WireMockCollection.Name)]
public sealed class ConfigurationBindingTests(WireMockFixture wireMock) : IAsyncLifetime
{
    private const string ConfiguredToken = "cfg-pd-token-2e8a61";
    private const string ConfiguredKey = "cfg_close_key_93b7";

    public Task InitializeAsync()
    {
        wireMock.Reset();
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static IConfiguration Configuration(params (string Key, string? Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    private string PipedriveAddress => new Uri(wireMock.BaseUri, "v1/").ToString();

    [Fact]
    public async Task Every_key_binds_onto_the_options_and_the_configured_token_goes_out()
    {
        wireMock.Server.Given(Request.Create().UsingGet().WithPath("/v1/callLogs/c-1")).RespondWith(Json(body: """{"success":true,"data":{"id":"c-1"}}"""));
        var configuration = Configuration(
            ("CallLogs:Pipedrive:ApiToken", ConfiguredToken),
            ("CallLogs:Pipedrive:BaseAddress", PipedriveAddress),
            ("CallLogs:Pipedrive:ApplicationId", "dialer-7"),
            ("CallLogs:Pipedrive:MaxResponseBodyBytes", "65536"),
            ("CallLogs:Pipedrive:MaxConnectionsPerServer", "4"),
            ("CallLogs:Pipedrive:Retry:MaxRetries", "5"),
            ("CallLogs:Pipedrive:Retry:BaseDelay", "00:00:00.250"),
            ("CallLogs:Pipedrive:Retry:MaxDelay", "00:00:09"),
            ("CallLogs:Pipedrive:Retry:MaxServerDelay", "00:00:15"),
            ("CallLogs:Pipedrive:Retry:AttemptTimeout", "00:00:12"),
            ("CallLogs:Pipedrive:Retry:OverallTimeout", "00:01:30"),
            ("CallLogs:Pipedrive:RequestBudget:Tokens", "80"),
            ("CallLogs:Pipedrive:RequestBudget:Window", "00:00:02.200"));
        var services = new ServiceCollection();
        services.AddPipedriveCallLogs(configuration.GetSection("CallLogs:Pipedrive"));
        await using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();

        var options = provider.GetRequiredService<IOptions<PipedriveClientOptions>>().Value;
        await provider.GetRequiredService<IPipedriveCallLogsClient>().GetAsync("c-1");

        Assert.Equal(new Uri(PipedriveAddress), options.BaseAddress);
        Assert.Equal("PipedriveCredential(ApiToken)", options.Credential!.ToString());
        Assert.Equal("dialer-7", options.ApplicationId);
        Assert.Equal(65536, options.MaxResponseBodyBytes);
        Assert.Equal(4, options.MaxConnectionsPerServer);
        Assert.Equal(5, options.Retry.MaxRetries);
        Assert.Equal(TimeSpan.FromMilliseconds(250), options.Retry.BaseDelay);
        Assert.Equal(TimeSpan.FromSeconds(9), options.Retry.MaxDelay);
        Assert.Equal(TimeSpan.FromSeconds(15), options.Retry.MaxServerDelay);
        Assert.Equal(TimeSpan.FromSeconds(12), options.Retry.AttemptTimeout);
        Assert.Equal(TimeSpan.FromSeconds(90), options.Retry.OverallTimeout);
        Assert.Equal(80, options.RequestBudget!.Tokens);
        Assert.Equal(TimeSpan.FromMilliseconds(2200), options.RequestBudget.Window);
        var request = Assert.Single(wireMock.Server.Requests());
        Assert.Equal(ConfiguredToken, request.Header("x-api-token"));
        Assert.EndsWith(" dialer-7", request.Header("User-Agent"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Keys_left_out_keep_their_defaults()
    {
        var services = new ServiceCollection();
        services.AddPipedriveCallLogs(Configuration(("Pipedrive:ApiToken", ConfiguredToken)).GetSection("Pipedrive"));
        await using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<PipedriveClientOptions>>().Value;

        Assert.Equal(PipedriveClientOptions.DefaultBaseAddress, options.BaseAddress);
        Assert.Equal(3, options.Retry.MaxRetries);
        Assert.Equal(TimeSpan.FromMinutes(2), options.Retry.OverallTimeout);
        Assert.Null(options.RequestBudget);
        Assert.Null(options.ApplicationId);
    }

    public static TheoryData<string, string, string> BadValues => new()
    {
        { "BaseAddress", "http://api.pipedrive.com/v1/", "CallLogs:Pipedrive:BaseAddress: " },
        { "BaseAddress", "not an address", "CallLogs:Pipedrive:BaseAddress: Must be an absolute https:// address." },
        { "CompanyDomain", "acme.evil.example", "CallLogs:Pipedrive:CompanyDomain: " },
        { "Retry:MaxRetries", "-1", "CallLogs:Pipedrive:Retry:MaxRetries: " },
        { "Retry:MaxRetries", "three", "'CallLogs:Pipedrive:Retry:MaxRetries'" },
        { "Retry:BaseDelay", "soon", "'CallLogs:Pipedrive:Retry:BaseDelay'" },
        { "RequestBudget:Tokens", "0", "CallLogs:Pipedrive:RequestBudget:Tokens: " },
        { "ApplicationId", "my dialer", "CallLogs:Pipedrive:ApplicationId: " },
        { "ApiToken", "token with spaces", "CallLogs:Pipedrive:ApiToken: The API token is empty or contains white space" },
    };

    [Theory]
    [MemberData(nameof(BadValues))]
    public async Task A_bad_value_fails_start_up_naming_its_configuration_key(string key, string value, string expected)
    {
        var configuration = key == "ApiToken"
            ? Configuration(($"CallLogs:Pipedrive:{key}", value))
            : Configuration(("CallLogs:Pipedrive:ApiToken", ConfiguredToken), ($"CallLogs:Pipedrive:{key}", value));
        var services = new ServiceCollection();
        services.AddPipedriveCallLogs(configuration.GetSection("CallLogs:Pipedrive"));
        await using var provider = services.BuildServiceProvider();

        var exception = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(expected, exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(ConfiguredToken, exception.Message, StringComparison.Ordinal);
        if (key == "ApiToken")
        {
            Assert.DoesNotContain(value, exception.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_missing_credential_names_the_ApiToken_key_and_the_ApiKey_key()
    {
        var configuration = Configuration(("CallLogs:Pipedrive:ApplicationId", "dialer"), ("CallLogs:Close:ApplicationId", "dialer"));
        var services = new ServiceCollection();
        services.AddPipedriveCallLogs(configuration.GetSection("CallLogs:Pipedrive"));
        services.AddCloseCallActivities(configuration.GetSection("CallLogs:Close"));
        await using var provider = services.BuildServiceProvider();

        var exception = Assert.Throws<AggregateException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        var messages = string.Join("\n", exception.InnerExceptions.Select(e => e.Message));
        Assert.Contains("CallLogs:Pipedrive:ApiToken: A credential is required", messages, StringComparison.Ordinal);
        Assert.Contains("CallLogs:Close:ApiKey: A credential is required", messages, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Named_registrations_bind_their_own_sections()
    {
        wireMock.Server.Given(Request.Create().UsingGet().WithPath("/api/v1/activity/call/acti_1/")).RespondWith(Json(body: """{"id":"acti_1"}"""));
        var closeAddress = new Uri(wireMock.BaseUri, "api/v1/").ToString();
        var configuration = Configuration(
            ("Tenants:acme:Close:ApiKey", ConfiguredKey),
            ("Tenants:acme:Close:BaseAddress", closeAddress),
            ("Tenants:globex:Close:ApiKey", "globex_cfg_key_1"),
            ("Tenants:globex:Close:BaseAddress", closeAddress),
            ("Tenants:globex:Close:Retry:MaxRetries", "-4"));
        var services = new ServiceCollection();
        services.AddCloseCallActivities("acme", configuration.GetSection("Tenants:acme:Close"));
        services.AddCloseCallActivities("globex", configuration.GetSection("Tenants:globex:Close"));
        await using var provider = services.BuildServiceProvider();

        var exception = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
        await provider.GetRequiredService<ICloseCallActivitiesClientFactory>().Get("acme").GetAsync("acti_1");

        Assert.Equal("globex", exception.OptionsName);
        Assert.Contains("Tenants:globex:Close:Retry:MaxRetries: ", exception.Message, StringComparison.Ordinal);
        var basic = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(ConfiguredKey + ":"));
        Assert.Equal("Basic " + basic, Assert.Single(wireMock.Server.Requests()).Header("Authorization"));
    }

    [Fact]
    public async Task A_credential_provider_delegate_set_after_binding_wins_over_configuration()
    {
        wireMock.Server.Given(Request.Create().UsingGet().WithPath("/v1/callLogs/c-1")).RespondWith(Json(body: """{"success":true,"data":{"id":"c-1"}}"""));
        var configuration = Configuration(("Pipedrive:BaseAddress", PipedriveAddress), ("Pipedrive:Retry:MaxRetries", "0"));
        var services = new ServiceCollection();
        services.AddSingleton(new TokenStore("oauth-from-store-5a1"));
        services.AddPipedriveCallLogs("acme", configuration.GetSection("Pipedrive"));
        services.AddOptions<PipedriveClientOptions>("acme").Configure<TokenStore>((options, store) =>
            options.Credential = PipedriveCredential.FromAccessTokenProvider(store.CurrentAsync));
        await using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();

        await provider.GetRequiredKeyedService<IPipedriveCallLogsClient>("acme").GetAsync("c-1");

        Assert.Equal("Bearer oauth-from-store-5a1", Assert.Single(wireMock.Server.Requests()).Header("Authorization"));
    }

    [Fact]
    public void Null_configuration_is_rejected()
    {
        Assert.Throws<ArgumentNullException>("configuration", () => new ServiceCollection().AddPipedriveCallLogs((IConfiguration)null!));
        Assert.Throws<ArgumentNullException>("configuration", () => new ServiceCollection().AddCloseCallActivities("acme", (IConfiguration)null!));
    }

    private sealed class TokenStore(string token)
    {
        public ValueTask<string> CurrentAsync(CancellationToken cancellationToken) => ValueTask.FromResult(token);
    }
}
