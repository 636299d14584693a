using CallLogClient.Close;
using CallLogClient.Http;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Close Call activities client with dependency injection.</summary>
public static class CloseServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ICloseCallActivitiesClient"/> as a singleton over a named <see cref="HttpClient"/>
    /// (<see cref="CloseCallActivitiesClient.HttpClientName"/>) from <see cref="IHttpClientFactory"/>. The options are
    /// checked when the host starts.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options; a credential is required.</param>
    /// <returns>The HTTP client builder, to add handlers or configure the primary handler.</returns>
    public static IHttpClientBuilder AddCloseCallActivities(this IServiceCollection services, Action<CloseClientOptions> configure) =>
        ClientRegistration.Add<CloseClientOptions, ICloseCallActivitiesClient, CloseCallActivitiesClient>(
            services,
            CloseCallActivitiesClient.HttpClientName,
            configure,
            CloseProtocol.Instance,
            options => options.BaseAddress,
            options => options.Credential!,
            (options, httpClient, logger, telemetry) => new CloseCallActivitiesClient(options, httpClient, logger, telemetry));
}
