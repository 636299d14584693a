using CallLogClient.Http;
using CallLogClient.Close;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Close Call activities clients with dependency injection: one per name, each with its own account.</summary>
public static class CloseServiceCollectionExtensions
{
    private static readonly ProviderClient<CloseClientOptions, CloseCallActivitiesClient> Provider = new(
        CloseCallActivitiesClient.HttpClientName,
        CloseProtocol.Instance,
        options => options.BaseAddress,
        options => options.Credential!,
        (options, httpClient, logger, telemetry) => new CloseCallActivitiesClient(options, httpClient, logger, telemetry));

    /// <summary>
    /// Registers <see cref="ICloseCallActivitiesClient"/> as a singleton over a named <see cref="HttpClient"/>
    /// (<see cref="CloseCallActivitiesClient.HttpClientName"/>) from <see cref="IHttpClientFactory"/>. The options are
    /// checked when the host starts, and frozen when the client is built.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options; a credential is required.</param>
    /// <returns>The HTTP client builder, to add handlers or configure the primary handler.</returns>
    public static IHttpClientBuilder AddCloseCallActivities(this IServiceCollection services, Action<CloseClientOptions> configure) =>
        services.AddCloseCallActivities(Options.Options.DefaultName, configure);

    /// <summary>
    /// Registers a client for one Close organization under <paramref name="name"/>, with its own named options
    /// (<c>IOptionsMonitor&lt;CloseClientOptions&gt;.Get(name)</c>), credential, budget and <see cref="HttpClient"/>
    /// (<see cref="CloseCallActivitiesClient.HttpClientNameFor"/>). Resolve it as a keyed service
    /// (<c>[FromKeyedServices("acme")] ICloseCallActivitiesClient</c>) or through
    /// <see cref="ICloseCallActivitiesClientFactory"/>. The empty name is the default registration, also resolvable unkeyed.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The registration's name, e.g. a tenant's.</param>
    /// <param name="configure">Sets the options; a credential is required.</param>
    /// <returns>The HTTP client builder, to add handlers or configure the primary handler.</returns>
    public static IHttpClientBuilder AddCloseCallActivities(
        this IServiceCollection services, string name, Action<CloseClientOptions> configure)
    {
        var builder = ClientRegistration.Add<CloseClientOptions, ICloseCallActivitiesClient, CloseCallActivitiesClient>(
            services, name, Provider, configure);
        services.TryAddSingleton<ICloseCallActivitiesClientFactory, CloseCallActivitiesClientFactory>();
        return builder;
    }

    /// <summary>
    /// Registers the default client with its options bound from <paramref name="configuration"/> (e.g.
    /// <c>configuration.GetSection("CallLogs:Close")</c>): keys <c>ApiKey</c>, <c>BaseAddress</c>,
    /// <c>ApplicationId</c>, <c>MaxResponseBodyBytes</c>, <c>MaxConnectionsPerServer</c>,
    /// <c>Retry:*</c> and <c>RequestBudget:Tokens</c>/<c>Window</c>. Start-up validation names the key at fault.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The configuration section of the client.</param>
    /// <param name="configure">Sets what configuration cannot (e.g. an OAuth credential), after binding; optional.</param>
    /// <returns>The HTTP client builder, to add handlers or configure the primary handler.</returns>
    public static IHttpClientBuilder AddCloseCallActivities(
        this IServiceCollection services, IConfiguration configuration, Action<CloseClientOptions>? configure = null) =>
        services.AddCloseCallActivities(Options.Options.DefaultName, configuration, configure);

    /// <summary>
    /// Registers a client under <paramref name="name"/> (see <see cref="AddCloseCallActivities(IServiceCollection, string, Action{CloseClientOptions})"/>)
    /// with its options bound from <paramref name="configuration"/> (see
    /// <see cref="AddCloseCallActivities(IServiceCollection, IConfiguration, Action{CloseClientOptions})"/>).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The registration's name, e.g. a tenant's.</param>
    /// <param name="configuration">The configuration section of this client.</param>
    /// <param name="configure">Sets what configuration cannot (e.g. an OAuth credential), after binding; optional.</param>
    /// <returns>The HTTP client builder, to add handlers or configure the primary handler.</returns>
    public static IHttpClientBuilder AddCloseCallActivities(
        this IServiceCollection services, string name, IConfiguration configuration, Action<CloseClientOptions>? configure = null)
    {
        var builder = ClientRegistration.AddBound<CloseClientOptions, ICloseCallActivitiesClient, CloseCallActivitiesClient>(
            services, name, Provider, configuration, CloseSettings.Bind, configure);
        services.TryAddSingleton<ICloseCallActivitiesClientFactory, CloseCallActivitiesClientFactory>();
        return builder;
    }
}
