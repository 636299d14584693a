using CallLogClient.Http;
using CallLogClient.Pipedrive;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Pipedrive Call Logs clients with dependency injection: one per name, each with its own account.</summary>
public static class PipedriveServiceCollectionExtensions
{
    private static readonly ProviderClient<PipedriveClientOptions, PipedriveCallLogsClient> Provider = new(
        PipedriveCallLogsClient.HttpClientName,
        PipedriveProtocol.Instance,
        options => options.EffectiveBaseAddress,
        options => options.Credential!,
        (options, httpClient, logger, telemetry) => new PipedriveCallLogsClient(options, httpClient, logger, telemetry));

    /// <summary>
    /// Registers <see cref="IPipedriveCallLogsClient"/> as a singleton over a named <see cref="HttpClient"/>
    /// (<see cref="PipedriveCallLogsClient.HttpClientName"/>) from <see cref="IHttpClientFactory"/>. The options are
    /// checked when the host starts, and frozen when the client is built.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options; a credential is required.</param>
    /// <returns>The HTTP client builder, to add handlers or configure the primary handler.</returns>
    public static IHttpClientBuilder AddPipedriveCallLogs(this IServiceCollection services, Action<PipedriveClientOptions> configure) =>
        services.AddPipedriveCallLogs(Options.Options.DefaultName, configure);

    /// <summary>
    /// Registers a client for one Pipedrive account under <paramref name="name"/>, with its own named options
    /// (<c>IOptionsMonitor&lt;PipedriveClientOptions&gt;.Get(name)</c>), credential, budget and <see cref="HttpClient"/>
    /// (<see cref="PipedriveCallLogsClient.HttpClientNameFor"/>). Resolve it as a keyed service
    /// (<c>[FromKeyedServices("acme")] IPipedriveCallLogsClient</c>) or through
    /// <see cref="IPipedriveCallLogsClientFactory"/>. The empty name is the default registration, also resolvable unkeyed.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The registration's name, e.g. a tenant's.</param>
    /// <param name="configure">Sets the options; a credential is required.</param>
    /// <returns>The HTTP client builder, to add handlers or configure the primary handler.</returns>
    public static IHttpClientBuilder AddPipedriveCallLogs(
        this IServiceCollection services, string name, Action<PipedriveClientOptions> configure)
    {
        var builder = ClientRegistration.Add<PipedriveClientOptions, IPipedriveCallLogsClient, PipedriveCallLogsClient>(
            services, name, Provider, configure);
        services.TryAddSingleton<IPipedriveCallLogsClientFactory, PipedriveCallLogsClientFactory>();
        return builder;
    }

    /// <summary>
    /// Registers the default client with its options bound from <paramref name="configuration"/> (e.g.
    /// <c>configuration.GetSection("CallLogs:Pipedrive")</c>): keys <c>ApiToken</c>, <c>BaseAddress</c>,
    /// <c>CompanyDomain</c>, <c>ApplicationId</c>, <c>MaxResponseBodyBytes</c>, <c>MaxConnectionsPerServer</c>,
    /// <c>Retry:*</c> and <c>RequestBudget:Tokens</c>/<c>Window</c>. Start-up validation names the key at fault.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The configuration section of the client.</param>
    /// <param name="configure">Sets what configuration cannot (e.g. an OAuth credential), after binding; optional.</param>
    /// <returns>The HTTP client builder, to add handlers or configure the primary handler.</returns>
    public static IHttpClientBuilder AddPipedriveCallLogs(
        this IServiceCollection services, IConfiguration configuration, Action<PipedriveClientOptions>? configure = null) =>
        services.AddPipedriveCallLogs(Options.Options.DefaultName, configuration, configure);

    /// <summary>
    /// Registers a client under <paramref name="name"/> (see <see cref="AddPipedriveCallLogs(IServiceCollection, string, Action{PipedriveClientOptions})"/>)
    /// with its options bound from <paramref name="configuration"/> (see
    /// <see cref="AddPipedriveCallLogs(IServiceCollection, IConfiguration, Action{PipedriveClientOptions})"/>).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The registration's name, e.g. a tenant's.</param>
    /// <param name="configuration">The configuration section of this client.</param>
    /// <param name="configure">Sets what configuration cannot (e.g. an OAuth credential), after binding; optional.</param>
    /// <returns>The HTTP client builder, to add handlers or configure the primary handler.</returns>
    public static IHttpClientBuilder AddPipedriveCallLogs(
        this IServiceCollection services, string name, IConfiguration configuration, Action<PipedriveClientOptions>? configure = null)
    {
        var builder = ClientRegistration.AddBound<PipedriveClientOptions, IPipedriveCallLogsClient, PipedriveCallLogsClient>(
            services, name, Provider, configuration, PipedriveSettings.Bind, configure);
        services.TryAddSingleton<IPipedriveCallLogsClientFactory, PipedriveCallLogsClientFactory>();
        return builder;
    }
}
