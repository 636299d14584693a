using System.Diagnostics.CodeAnalysis;
using CallLogClient.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CallLogClient.Http;

/// <summary>
/// Registers a provider's client the same way for every provider: validated options, a named <see cref="HttpClient"/>
/// with the handler chain (call start → resilience → attempt → authentication), and a singleton client that asks the
/// factory for that <see cref="HttpClient"/> again whenever the factory rotates its handlers.
/// </summary>
internal static class ClientRegistration
{
    public static IHttpClientBuilder Add<
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions, TService, TClient>(
        IServiceCollection services,
        string httpClientName,
        Action<TOptions> configure,
        IProviderProtocol protocol,
        Func<TOptions, Uri> baseAddress,
        Func<TOptions, IRequestCredential> credential,
        Func<TOptions, Func<HttpClient>, ILogger, TClient> createClient)
        where TOptions : CallLogClientOptions
        where TService : class
        where TClient : class, TService
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<TOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, OptionsValidator<TOptions>>());

        services.TryAddKeyedSingleton(httpClientName, (provider, _) => new SharedBudget(HandlerChain.Budget(Options<TOptions>(provider))));
        var builder = services
            .AddHttpClient(httpClientName, (provider, client) =>
            {
                var options = Options<TOptions>(provider);
                client.Timeout = Timeout.InfiniteTimeSpan;
                ApiHttpClient.Configure(client, baseAddress(options), options.ApplicationId);
            })
            .ConfigurePrimaryHttpMessageHandler(provider => HandlerChain.Transport(Options<TOptions>(provider)))
            .AddHttpMessageHandler(provider => new CallStartHandler(Options<TOptions>(provider).TimeProvider));
        builder.AddResilienceHandler(HandlerChain.ResiliencePipelineName, (pipeline, context) => CallResiliencePipeline.Configure(
            pipeline,
            Options<TOptions>(context.ServiceProvider),
            protocol,
            context.ServiceProvider.GetRequiredKeyedService<SharedBudget>(httpClientName).Budget,
            Logger(context.ServiceProvider, httpClientName)));
        builder
            .AddHttpMessageHandler(provider => HandlerChain.Attempt(Options<TOptions>(provider), protocol, Logger(provider, httpClientName)))
            .AddHttpMessageHandler(provider => new AuthenticationHandler(credential(Options<TOptions>(provider))))
            .RedactLoggedHeaders(_ => true); // the factory logs headers at Trace; credentials ride in them

        services.TryAddSingleton<TService>(provider =>
        {
            return createClient(Options<TOptions>(provider), FactoryHttpClient.Of(provider, httpClientName), Logger(provider, httpClientName));
        });
        return builder;
    }

    private static TOptions Options<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions>(
        IServiceProvider provider)
        where TOptions : class => provider.GetRequiredService<IOptions<TOptions>>().Value;

    private static ILogger Logger(IServiceProvider provider, string category) =>
        (provider.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance).CreateLogger(category);

    /// <summary>
    /// One budget per registration, outliving the handlers the factory rotates; disposed with the container.
    /// </summary>
    private sealed class SharedBudget(ClientBudget? budget) : IDisposable
    {
        public ClientBudget? Budget { get; } = budget;

        public void Dispose() => Budget?.Dispose();
    }

    private sealed class OptionsValidator<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions>
        : IValidateOptions<TOptions>
        where TOptions : CallLogClientOptions
    {
        public ValidateOptionsResult Validate(string? name, TOptions options)
        {
            try
            {
                options.Validate();
                return ValidateOptionsResult.Success;
            }
            catch (ArgumentException exception)
            {
                return ValidateOptionsResult.Fail(exception.Message);
            }
        }
    }
}
