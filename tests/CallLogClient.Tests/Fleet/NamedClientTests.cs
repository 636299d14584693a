using CallLogClient.Close;
using CallLogClient.Pipedrive;
using CallLogClient.RateLimiting;
using CallLogClient.Tests.Support;
using CallLogClient.Tests.WireMock;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Options;
using WireMock.RequestBuilders;
using static CallLogClient.Tests.WireMock.Answers;

namespace CallLogClient.Tests.Fleet;

/// <summary>Several accounts in one process: named registrations, keyed services and the client factories.</summary>
[Collection(WireMockCollection.Name)]
public sealed class NamedClientTests(WireMockFixture wireMock) : IAsyncLifetime
{
    private const string AcmeToken = "acme-pd-token-1f4c2a";
    private const string GlobexToken = "globex-pd-token-9b7e3d";
    private const string AcmeKey = "acme_close_key_51c0";
    private const string GlobexKey = "globex_close_key_7d2e";

    public Task InitializeAsync()
    {
        wireMock.Reset();
        wireMock.Server.Given(Request.Create().UsingGet().WithPath(new global::WireMock.Matchers.RegexMatcher("^/v1/callLogs/[a-z]+-[0-9]+$")))
            .RespondWith(Json(body: """{"success":true,"data":{"id":"c-1"}}"""));
        wireMock.Server.Given(Request.Create().UsingGet().WithPath(new global::WireMock.Matchers.RegexMatcher("^/api/v1/activity/call/[a-z]+-[0-9]+/$")))
            .RespondWith(Json(body: """{"id":"acti_1"}"""));
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private Action<PipedriveClientOptions> Pipedrive(string token, Action<PipedriveClientOptions>? more = null) => options =>
    {
        options.Credential = PipedriveCredential.FromApiToken(token);
        options.BaseAddress = new Uri(wireMock.BaseUri, "v1/");
        options.Retry.MaxRetries = 0;
        more?.Invoke(options);
    };

    private Action<CloseClientOptions> Close(string key) => options =>
    {
        options.Credential = CloseCredential.FromApiKey(key);
        options.BaseAddress = new Uri(wireMock.BaseUri, "api/v1/");
        options.Retry.MaxRetries = 0;
    };

    [Fact]
    public async Task Two_tenants_interleaved_200_times_each_send_only_their_own_api_token()
    {
        var services = new ServiceCollection();
        services.AddPipedriveCallLogs("acme", Pipedrive(AcmeToken));
        services.AddPipedriveCallLogs("globex", Pipedrive(GlobexToken));
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        var factory = provider.GetRequiredService<IPipedriveCallLogsClientFactory>();

        var tenants = new[] { "acme", "globex" };
        await Parallel.ForEachAsync(Enumerable.Range(0, 200), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, token) =>
        {
            var tenant = tenants[i % 2];
            await factory.Get(tenant).GetAsync($"{tenant}-{i}", cancellationToken: token);
        });

        var requests = wireMock.Server.Requests();
        Assert.Equal(200, requests.Count);
        Assert.Equal(100, requests.Count(r => r.Path.StartsWith("/v1/callLogs/acme-", StringComparison.Ordinal)));
        Assert.All(requests, request =>
        {
            var expected = request.Path.StartsWith("/v1/callLogs/acme-", StringComparison.Ordinal) ? AcmeToken : GlobexToken;
            Assert.Equal(expected, request.Header("x-api-token"));
            Assert.Null(request.Header("Authorization"));
        });
    }

    [Fact]
    public async Task Two_Close_organizations_interleaved_send_only_their_own_api_key()
    {
        var services = new ServiceCollection();
        services.AddCloseCallActivities("acme", Close(AcmeKey));
        services.AddCloseCallActivities("globex", Close(GlobexKey));
        await using var provider = services.BuildServiceProvider();
        var factory = provider.GetRequiredService<ICloseCallActivitiesClientFactory>();

        var tenants = new[] { "acme", "globex" };
        await Parallel.ForEachAsync(Enumerable.Range(0, 200), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, token) =>
        {
            var tenant = tenants[i % 2];
            await factory.Get(tenant).GetAsync($"{tenant}-{i}", cancellationToken: token);
        });

        var requests = wireMock.Server.Requests();
        Assert.Equal(200, requests.Count);
        Assert.All(requests, request =>
        {
            var key = request.Path.StartsWith("/api/v1/activity/call/acme-", StringComparison.Ordinal) ? AcmeKey : GlobexKey;
            Assert.Equal("Basic " + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(key + ":")), request.Header("Authorization"));
        });
    }

    [Fact]
    public async Task A_named_client_resolves_as_a_keyed_service_the_factory_and_a_FromKeyedServices_parameter_alike()
    {
        var services = new ServiceCollection();
        services.AddPipedriveCallLogs("acme", Pipedrive(AcmeToken));
        services.AddPipedriveCallLogs("globex", Pipedrive(GlobexToken));
        services.AddSingleton<AcmeWorker>();
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });

        var keyed = provider.GetRequiredKeyedService<IPipedriveCallLogsClient>("acme");
        var worker = provider.GetRequiredService<AcmeWorker>();

        Assert.Same(keyed, worker.Client);
        Assert.Same(keyed, provider.GetRequiredService<IPipedriveCallLogsClientFactory>().Get("acme"));
        Assert.NotSame(keyed, provider.GetRequiredKeyedService<IPipedriveCallLogsClient>("globex"));
        Assert.Null(provider.GetService<IPipedriveCallLogsClient>()); // no default registration was made

        await worker.Client.GetAsync("acme-1");
        Assert.Equal(AcmeToken, Assert.Single(wireMock.Server.Requests()).Header("x-api-token"));
    }

    [Fact]
    public async Task The_unnamed_registration_is_the_default_name_and_lives_beside_named_ones()
    {
        var services = new ServiceCollection();
        var unnamed = services.AddPipedriveCallLogs(Pipedrive(AcmeToken));
        var named = services.AddPipedriveCallLogs("globex", Pipedrive(GlobexToken));
        await using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<IPipedriveCallLogsClient>();
        await client.GetAsync("default-1");
        await provider.GetRequiredService<IPipedriveCallLogsClientFactory>().Get("globex").GetAsync("globex-2");

        Assert.Same(client, provider.GetRequiredService<IPipedriveCallLogsClientFactory>().Get(""));
        Assert.Same(client, provider.GetRequiredKeyedService<IPipedriveCallLogsClient>(Options.DefaultName));
        Assert.Equal(PipedriveCallLogsClient.HttpClientName, unnamed.Name);
        Assert.Equal("CallLogClient.Pipedrive.globex", named.Name);
        Assert.Equal(PipedriveCallLogsClient.HttpClientNameFor("globex"), named.Name);
        Assert.Equal(CloseCallActivitiesClient.HttpClientName + ".globex", CloseCallActivitiesClient.HttpClientNameFor("globex"));
        Assert.Equal([AcmeToken, GlobexToken], wireMock.Server.Requests().Select(r => r.Header("x-api-token")));
    }

    [Fact]
    public async Task Each_name_has_its_own_options_and_its_own_HttpClient_handlers()
    {
        var acmeSeen = new List<string>();
        var services = new ServiceCollection();
        services.AddPipedriveCallLogs("acme", Pipedrive(AcmeToken, o => o.ApplicationId = "acme-app"))
            .AddHttpMessageHandler(() => new Observing(acmeSeen));
        services.AddPipedriveCallLogs("globex", Pipedrive(GlobexToken, o => o.ApplicationId = "globex-app"));
        await using var provider = services.BuildServiceProvider();
        var monitor = provider.GetRequiredService<IOptionsMonitor<PipedriveClientOptions>>();

        await provider.GetRequiredKeyedService<IPipedriveCallLogsClient>("acme").GetAsync("acme-1");
        await provider.GetRequiredKeyedService<IPipedriveCallLogsClient>("globex").GetAsync("globex-1");

        Assert.Equal("acme-app", monitor.Get("acme").ApplicationId);
        Assert.Equal("globex-app", monitor.Get("globex").ApplicationId);
        Assert.Equal(["/v1/callLogs/acme-1"], acmeSeen);
        var requests = wireMock.Server.Requests();
        Assert.EndsWith(" acme-app", requests[0].Header("User-Agent"), StringComparison.Ordinal);
        Assert.EndsWith(" globex-app", requests[1].Header("User-Agent"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_name_spends_from_its_own_budget()
    {
        var clock = new ManualTimeProvider();
        var services = new ServiceCollection();
        services.AddPipedriveCallLogs("acme", Pipedrive(AcmeToken, o =>
        {
            o.TimeProvider = clock;
            o.RequestBudget = new RequestBudget { Tokens = 4, Window = TimeSpan.FromHours(1) };
        }));
        services.AddPipedriveCallLogs("globex", Pipedrive(GlobexToken, o =>
        {
            o.TimeProvider = clock;
            o.RequestBudget = new RequestBudget { Tokens = 4, Window = TimeSpan.FromHours(1) };
        }));
        await using var provider = services.BuildServiceProvider();
        var acme = provider.GetRequiredKeyedService<IPipedriveCallLogsClient>("acme");
        var globex = provider.GetRequiredKeyedService<IPipedriveCallLogsClient>("globex");
        await acme.GetAsync("acme-1");
        await acme.GetAsync("acme-2");

        using var cancel = new CancellationTokenSource();
        var third = acme.GetAsync("acme-3", cancel.Token);
        await globex.GetAsync("globex-1");
        await globex.GetAsync("globex-2");

        Assert.False(third.IsCompleted); // acme's 4 tokens are spent for the hour; globex's are its own
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => third);
        Assert.Equal(["/v1/callLogs/acme-1", "/v1/callLogs/acme-2", "/v1/callLogs/globex-1", "/v1/callLogs/globex-2"],
            wireMock.Server.Requests().Select(r => r.Path));
    }

    [Fact]
    public async Task A_name_nobody_registered_is_refused_by_the_factory_naming_it()
    {
        var services = new ServiceCollection();
        services.AddPipedriveCallLogs("acme", Pipedrive(AcmeToken));
        services.AddCloseCallActivities("acme", Close(AcmeKey));
        await using var provider = services.BuildServiceProvider();

        var pipedrive = Assert.Throws<ArgumentException>("name", () => provider.GetRequiredService<IPipedriveCallLogsClientFactory>().Get("initech"));
        var close = Assert.Throws<ArgumentException>("name", () => provider.GetRequiredService<ICloseCallActivitiesClientFactory>().Get("initech"));

        Assert.Contains("'initech'", pipedrive.Message, StringComparison.Ordinal);
        Assert.Contains("AddPipedriveCallLogs", pipedrive.Message, StringComparison.Ordinal);
        Assert.Contains("AddCloseCallActivities", close.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>("name", () => provider.GetRequiredService<IPipedriveCallLogsClientFactory>().Get(null!));
    }

    [Fact]
    public async Task Bad_options_of_one_name_fail_start_up_and_name_nothing_secret()
    {
        var services = new ServiceCollection();
        services.AddPipedriveCallLogs("acme", Pipedrive(AcmeToken));
        services.AddPipedriveCallLogs("globex", Pipedrive(GlobexToken, o => o.Retry.MaxRetries = -1));
        await using var provider = services.BuildServiceProvider();

        var exception = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Equal("globex", exception.OptionsName);
        Assert.Contains("MaxRetries", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(GlobexToken, exception.Message, StringComparison.Ordinal);
        Assert.NotNull(provider.GetRequiredKeyedService<IPipedriveCallLogsClient>("acme"));
    }

    [Fact]
    public void Null_names_are_rejected()
    {
        var services = new ServiceCollection();
        Assert.Throws<ArgumentNullException>("name", () => services.AddPipedriveCallLogs((string)null!, Pipedrive(AcmeToken)));
        Assert.Throws<ArgumentNullException>("name", () => services.AddCloseCallActivities((string)null!, Close(AcmeKey)));
    }

    private sealed class AcmeWorker([FromKeyedServices("acme")] IPipedriveCallLogsClient client)
    {
        public IPipedriveCallLogsClient Client { get; } = client;
    }

    private sealed class Observing(List<string> seen) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            lock (seen)
            {
                seen.Add(request.RequestUri!.AbsolutePath);
            }

            return base.SendAsync(request, cancellationToken);
        }
    }
}
