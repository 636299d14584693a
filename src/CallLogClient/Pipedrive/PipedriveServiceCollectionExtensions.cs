using CallLogClient.Http;
using CallLogClient.Pipedrive;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Pipedrive Call Logs client with dependency injection.</summary>
public static class PipedriveServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IPipedriveCallLogsClient"/> as a singleton over a named <see cref="HttpClient"/>
    /// (<see cref="PipedriveCallLogsClient.HttpClientName"/>) from <see cref="IHttpClientFactory"/>. The options are
    /// checked when the host starts.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options; a credential is required.</param>
    /// <returns>The HTTP client builder, to add handlers or configure the primary handler.</returns>
    public static IHttpClientBuilder AddPipedriveCallLogs(this IServiceCollection services, Action<PipedriveClientOptions> configure) =>
        ClientRegistration.Add<PipedriveClientOptions, IPipedriveCallLogsClient, PipedriveCallLogsClient>(
            services,
            PipedriveCallLogsClient.HttpClientName,
            configure,
            PipedriveProtocol.Instance,
            options => options.EffectiveBaseAddress,
            options => options.Credential!,
            (options, httpClient, logger, telemetry) => new PipedriveCallLogsClient(options, httpClient, logger, telemetry));
}
