using System.Diagnostics.CodeAnalysis;
using System.Diagnostics.Metrics;
using CallLogClient.Diagnostics;
using CallLogClient.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CallLogClient.Http;

/// <summary>
/// Registers a provider's client the same way for every provider and every name: named, validated options; a
/// <see cref="ClientSetup{TOptions}"/> per name (the options frozen when first needed, the budget, the logger); a named
/// <see cref="HttpClient"/> with the handler chain (the call and its attempts → authentication) and without the
/// factory's logging handlers; and the
/// client as a keyed singleton (the default name also unkeyed) that asks the factory for that <see cref="HttpClient"/>
/// again whenever the factory rotates its handlers.
/// </summary>
internal static class ClientRegistration
{
    public static IHttpClientBuilder Add<
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions, TService, TClient>(
        IServiceCollection services,
        string name,
        ProviderClient<TOptions, TClient> provider,
        Action<TOptions> configure)
        where TOptions : CallLogClientOptions
        where TService : class
        where TClient : class, TService
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(configure);
        var httpClientName = HttpClientNameFor(provider.HttpClientName, name);
        services.AddOptions<TOptions>(name).Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, OptionsValidator<TOptions>>());
        services.TryAddKeyedSingleton(httpClientName, (serviceProvider, _) => new ClientSetup<TOptions>(
            serviceProvider.GetRequiredService<IOptionsMonitor<TOptions>>().Get(name).Snapshot<TOptions>(),
            Logger(serviceProvider, httpClientName)));

        services.TryAddSingleton(serviceProvider => CallTelemetry.Create(serviceProvider.GetService<IMeterFactory>()));
        var builder = services
            .AddHttpClient(httpClientName, (serviceProvider, client) =>
            {
                var options = Setup(serviceProvider).Options;
                client.Timeout = Timeout.InfiniteTimeSpan;
                ApiHttpClient.Configure(client, provider.BaseAddress(options), options.ApplicationId);
            })
            .ConfigurePrimaryHttpMessageHandler(serviceProvider => HandlerChain.Transport(Setup(serviceProvider).Options))
            .AddHttpMessageHandler(serviceProvider =>
            {
                var setup = Setup(serviceProvider);
                return HandlerChain.Call(setup.Options, provider.Protocol, provider.Credential(setup.Options), setup.Budget, setup.Logger);
            })
            .AddHttpMessageHandler(serviceProvider => new AuthenticationHandler(provider.Credential(Setup(serviceProvider).Options)))
            // CallHandler already logs every attempt (redacted); the factory's two logging handlers would only repeat it
            // at a cost on every call. AddDefaultLogger() on the returned builder brings them back, with every header
            // value redacted (credentials ride in them).
            .RemoveAllLoggers()
            .RedactLoggedHeaders(_ => true);

        services.TryAddKeyedSingleton<TService>(name, (serviceProvider, _) =>
        {
            var setup = Setup(serviceProvider);
            return provider.Create(
                setup.Options,
                FactoryHttpClient.Of(serviceProvider, httpClientName),
                setup.Logger,
                serviceProvider.GetRequiredService<CallTelemetry>());
        });
        if (name == Options.DefaultName)
        {
            services.TryAddSingleton<TService>(serviceProvider => serviceProvider.GetRequiredKeyedService<TService>(Options.DefaultName));
        }

        return builder;

        ClientSetup<TOptions> Setup(IServiceProvider serviceProvider) =>
            serviceProvider.GetRequiredKeyedService<ClientSetup<TOptions>>(httpClientName);
    }

    /// <summary>
    /// Like <see cref="Add{TOptions, TService, TClient}"/>, with the options first bound from
    /// <paramref name="configuration"/> by <paramref name="bind"/>, then set by <paramref name="configure"/>; validation
    /// messages name the configuration keys.
    /// </summary>
    public static IHttpClientBuilder AddBound<
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions, TService, TClient>(
        IServiceCollection services,
        string name,
        ProviderClient<TOptions, TClient> provider,
        IConfiguration configuration,
        Action<IConfiguration, TOptions> bind,
        Action<TOptions>? configure)
        where TOptions : CallLogClientOptions
        where TService : class
        where TClient : class, TService
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return Add<TOptions, TService, TClient>(services, name, provider, options =>
        {
            options.ConfigurationPath = (configuration as IConfigurationSection)?.Path ?? "";
            bind(configuration, options);
            configure?.Invoke(options);
        });
    }

    /// <summary>The client registered under <paramref name="name"/>, for the providers' client factories.</summary>
    public static TService Resolve<TService>(IServiceProvider services, string name, string registration)
        where TService : class
    {
        ArgumentNullException.ThrowIfNull(name);
        return services.GetKeyedService<TService>(name)
            ?? throw new ArgumentException(
                $"No client is registered under the name '{name}': register it with services.{registration}(\"{name}\", ...).",
                nameof(name));
    }

    /// <summary>The <see cref="HttpClient"/> name of a registration: the provider's name, then <c>.name</c> unless it is the default.</summary>
    public static string HttpClientNameFor(string providerHttpClientName, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.Length == 0 ? providerHttpClientName : providerHttpClientName + "." + name;
    }

    private static ILogger Logger(IServiceProvider provider, string category) =>
        (provider.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance).CreateLogger(category);

    /// <summary>
    /// What one registration's handlers and client share, outliving the handlers the factory rotates: the options as
    /// they were when first needed (never read again), the budget and the logger. Disposed with the container.
    /// </summary>
    private sealed class ClientSetup<TOptions>(TOptions options, ILogger logger) : IDisposable
        where TOptions : CallLogClientOptions
    {
        public TOptions Options { get; } = options;

        public ILogger Logger { get; } = logger;

        public ClientBudget? Budget { get; } = HandlerChain.Budget(options);

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
                return ValidateOptionsResult.Fail(Describe(options, exception));
            }
        }

        /// <summary>For options bound from configuration, the message starts with the key to fix (<c>CallLogs:Pipedrive:BaseAddress</c>).</summary>
        private static string Describe(TOptions options, ArgumentException exception)
        {
            if (options.ConfigurationPath is not { } path || exception.ParamName is not { } parameter)
            {
                return exception.Message;
            }

            var key = options.ConfigurationKeyOf(parameter);
            key = path.Length == 0 ? key : ConfigurationPath.Combine(path, key);
            return $"{key}: {exception.Message.Replace($" (Parameter '{parameter}')", "", StringComparison.Ordinal)}";
        }
    }
}
