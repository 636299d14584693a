using CallLogClient.Close;
using CallLogClient.Http;
using CallLogClient.Pipedrive;
using CallLogClient.RateLimiting;
using CallLogClient.Tests.Pipedrive;
using CallLogClient.Tests.Support;
using CallLogClient.Tests.WireMock;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Logging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using Polly.Retry;
using Polly.Testing;
using WireMock.RequestBuilders;
using static CallLogClient.Tests.WireMock.Answers;

namespace CallLogClient.Tests.Resilience;

/// <summary>
/// The resilience pipeline is Polly strategies built from the options, run by the chain's first handler
/// (<see cref="CallHandler"/>) inside the call's overall deadline, the same chain in dependency injection and for
/// clients built without it.
/// </summary>
[Collection(WireMockCollection.Name)]
public sealed class ResiliencePipelineTests(WireMockFixture wireMock) : IAsyncLifetime
{
    private static readonly Type[] ExpectedChain =
    [
        typeof(CallHandler), typeof(AuthenticationHandler), typeof(SocketsHttpHandler),
    ];

    public Task InitializeAsync()
    {
        wireMock.Reset();
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public void The_strategies_are_retry_and_budget_as_the_options_say()
    {
        var options = Options(retries: 5);
        using var budget = new ClientBudget(options.RequestBudget!, TimeProvider.System);

        var pipeline = CallResiliencePipeline.Build(options, PipedriveProtocol.Instance, budget, options.Credential!, NullLogger.Instance);

        var descriptor = pipeline.GetPipelineDescriptor();
        Assert.Collection(
            descriptor.Strategies,
            retry =>
            {
                var retryOptions = Assert.IsType<RetryStrategyOptions<HttpResponseMessage>>(retry.Options);
                Assert.Equal(5, retryOptions.MaxRetryAttempts);
                Assert.Equal(TimeSpan.FromMilliseconds(250), retryOptions.Delay);
                Assert.Equal(TimeSpan.FromSeconds(10), retryOptions.MaxDelay);
                Assert.Equal(DelayBackoffType.Exponential, retryOptions.BackoffType);
                Assert.True(retryOptions.UseJitter);
                Assert.NotNull(retryOptions.DelayGenerator);
            },
            spend => Assert.IsType<BudgetStrategy>(spend.StrategyInstance));
    }

    [Fact]
    public void Without_retries_budget_or_refresh_the_pipeline_is_empty()
    {
        var options = Options(retries: 0);

        var pipeline = CallResiliencePipeline.Build(options, PipedriveProtocol.Instance, budget: null, options.Credential!, NullLogger.Instance);

        Assert.Empty(pipeline.GetPipelineDescriptor().Strategies);
    }

    [Fact]
    public void Dependency_injection_and_the_standalone_client_build_the_same_handler_chain()
    {
        var services = new ServiceCollection();
        services.AddPipedriveCallLogs(o => Configure(o, 3));
        using var provider = services.BuildServiceProvider();
        var registered = provider.GetRequiredService<IHttpMessageHandlerFactory>().CreateHandler(PipedriveCallLogsClient.HttpClientName);

        using var standalone = HandlerChain.Create(
            Options(3), PipedriveProtocol.Instance, PipedriveCredential.FromApiToken(TestSecrets.PipedriveApiToken), budget: null,
            NullLogger.Instance, new SocketsHttpHandler());

        Assert.Equal(ExpectedChain, ChainOf(registered));
        Assert.Equal(ExpectedChain, ChainOf(standalone));
        Assert.DoesNotContain(HandlersOf(registered), IsFactoryLogging);
        Assert.DoesNotContain(HandlersOf(standalone), IsFactoryLogging);
    }

    [Fact]
    public void The_registered_clients_leave_out_the_factory_logging_handlers_and_AddDefaultLogger_brings_them_back()
    {
        var services = new ServiceCollection();
        services.AddPipedriveCallLogs(o => Configure(o, 3));
        services.AddCloseCallActivities(o => o.Credential = CloseCredential.FromApiKey(TestSecrets.CloseApiKey));
        services.AddPipedriveCallLogs("logged", o => Configure(o, 3)).AddDefaultLogger();
        using var provider = services.BuildServiceProvider();
        var factory = provider.GetRequiredService<IHttpMessageHandlerFactory>();

        Assert.DoesNotContain(HandlersOf(factory.CreateHandler(PipedriveCallLogsClient.HttpClientName)), IsFactoryLogging);
        Assert.DoesNotContain(HandlersOf(factory.CreateHandler(CloseCallActivitiesClient.HttpClientName)), IsFactoryLogging);
        var logged = HandlersOf(factory.CreateHandler(PipedriveCallLogsClient.HttpClientName + ".logged"));
        Assert.Contains(logged, handler => handler is LoggingScopeHttpMessageHandler);
        Assert.Contains(logged, handler => handler is LoggingHttpMessageHandler);
        Assert.Equal(ExpectedChain, ChainOf(factory.CreateHandler(PipedriveCallLogsClient.HttpClientName + ".logged")));
    }

    [Fact]
    public void Disposing_a_standalone_chain_disposes_its_transport_and_the_budget_it_owns()
    {
        var transport = new DisposalTrackingHandler();
        var options = Options(retries: 1);
        var budget = new ClientBudget(options.RequestBudget!, TimeProvider.System);
        var chain = HandlerChain.Create(
            options, PipedriveProtocol.Instance, options.Credential!, budget, NullLogger.Instance, transport, ownedBudget: budget);

        chain.Dispose();

        Assert.True(transport.Disposed);
        Assert.Throws<ObjectDisposedException>(() => budget.SpendAsync(1, CancellationToken.None).AsTask().GetAwaiter().GetResult());
    }

    [Fact]
    public async Task The_registered_pipeline_retries_a_read_and_its_telemetry_carries_no_secret()
    {
        const string path = "/v1/callLogs/c-retry";
        wireMock.Server.GivenSequence(
            Request.Create().UsingGet().WithPath(path),
            Json(503, $$"""{"success":false,"error":"down for {{TestSecrets.PipedriveApiToken}}"}"""),
            Json(body: PipedriveFixtures.Read("get-response.json")));
        using var output = new ClientOutput();
        var services = new ServiceCollection().AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(output));
        services.AddPipedriveCallLogs(o =>
        {
            Configure(o, 2);
            o.RequestBudget = null;
            o.BaseAddress = new Uri(wireMock.BaseUri, "v1/");
            o.Retry.BaseDelay = TimeSpan.FromMilliseconds(1);
        });
        await using var provider = services.BuildServiceProvider();

        var callLog = await provider.GetRequiredService<IPipedriveCallLogsClient>().GetAsync("c-retry");

        Assert.Equal("CAd92b224eb4a39b5ad8fea92ff0e", callLog.Id);
        Assert.Equal(2, wireMock.Server.Requests().Count);
        Assert.All(wireMock.Server.Requests(), request => Assert.Equal(TestSecrets.PipedriveApiToken, request.Header("x-api-token")));
        Assert.DoesNotContain(output.Logs, log => log.Category.StartsWith("Polly", StringComparison.Ordinal)); // the client's own lines say it once
        Assert.Contains(output.Logs, log => log.EventId.Id == 3 && log.Message.Contains("HTTP 503", StringComparison.Ordinal));
        output.AssertNoSecrets();
    }

    private static PipedriveClientOptions Options(int retries)
    {
        var options = new PipedriveClientOptions();
        Configure(options, retries);
        return options;
    }

    private static void Configure(PipedriveClientOptions options, int retries)
    {
        options.Credential = PipedriveCredential.FromApiToken(TestSecrets.PipedriveApiToken);
        options.Retry.MaxRetries = retries;
        options.Retry.BaseDelay = TimeSpan.FromMilliseconds(250);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(10);
        options.Retry.AttemptTimeout = TimeSpan.FromSeconds(7);
        options.Retry.OverallTimeout = TimeSpan.FromSeconds(50);
        options.RequestBudget = retries > 0 ? new RequestBudget { Tokens = 80, Window = TimeSpan.FromSeconds(2) } : null;
    }

    private static bool IsFactoryLogging(HttpMessageHandler handler) =>
        handler is LoggingScopeHttpMessageHandler or LoggingHttpMessageHandler;

    /// <summary>Every handler of the chain, the factory's own wrappers included.</summary>
    private static List<HttpMessageHandler> HandlersOf(HttpMessageHandler handler)
    {
        var handlers = new List<HttpMessageHandler>();
        for (HttpMessageHandler? current = handler; current is not null; current = (current as DelegatingHandler)?.InnerHandler)
        {
            handlers.Add(current);
        }

        return handlers;
    }

    /// <summary>The chain's handler types from the client's first handler down, without the factory's own wrappers.</summary>
    private static Type[] ChainOf(HttpMessageHandler handler)
    {
        var chain = new List<Type>();
        for (HttpMessageHandler? current = handler; current is not null; current = (current as DelegatingHandler)?.InnerHandler)
        {
            if (current.GetType().Assembly == typeof(HandlerChain).Assembly
                || current is SocketsHttpHandler)
            {
                chain.Add(current.GetType());
            }
        }

        return [.. chain];
    }

    private sealed class DisposalTrackingHandler : HttpMessageHandler
    {
        public bool Disposed { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("Not sent in this test.");

        protected override void Dispose(bool disposing)
        {
            Disposed = true;
            base.Dispose(disposing);
        }
    }
}
