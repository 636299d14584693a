using CallLogClient;
using CallLogClient.Calls;
using CallLogClient.Close;
using CallLogClient.Close.Outcomes;
using CallLogClient.Diagnostics;
using CallLogClient.Http;
using CallLogClient.Pipedrive;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the provider-neutral <see cref="ICallLogWriter"/> with dependency injection.</summary>
public static class CallLogWriterServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ICallLogWriter"/> as a singleton over the client of <see cref="CallLogWriterOptions.Provider"/>,
    /// which must be registered too (<c>AddPipedriveCallLogs</c> or <c>AddCloseCallActivities</c>); for Close it also
    /// registers <see cref="ICloseOutcomesClient"/> over the Close client's <see cref="HttpClient"/>. The options are
    /// checked when the host starts.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options, the provider first.</param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection AddCallLogWriter(this IServiceCollection services, Action<CallLogWriterOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<CallLogWriterOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CallLogWriterOptions>, WriterOptionsValidator>());
        services.TryAddSingleton<ICloseOutcomesClient>(provider =>
        {
            var logger = (provider.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance).CreateLogger(CloseCallActivitiesClient.HttpClientName);
            return new CloseOutcomesClient(
                provider.GetRequiredService<IOptions<CloseClientOptions>>().Value,
                FactoryHttpClient.Of(provider, CloseCallActivitiesClient.HttpClientName),
                logger,
                provider.GetService<CallTelemetry>());
        });
        services.TryAddSingleton<ICallLogWriter>(provider =>
        {
            var options = provider.GetRequiredService<IOptions<CallLogWriterOptions>>().Value;
            return options.Provider switch
            {
                CallLogProvider.Pipedrive => CallLogWriter.ForPipedrive(Require<IPipedriveCallLogsClient>(provider, "AddPipedriveCallLogs"), options),
                _ => CallLogWriter.ForClose(
                    Require<ICloseCallActivitiesClient>(provider, "AddCloseCallActivities"),
                    provider.GetRequiredService<ICloseOutcomesClient>(),
                    options),
            };
        });
        return services;
    }

    private static T Require<T>(IServiceProvider provider, string registration)
        where T : class =>
        provider.GetService<T>()
        ?? throw new InvalidOperationException($"The call log writer is set to a provider whose client is not registered: call services.{registration}(...).");

    private sealed class WriterOptionsValidator : IValidateOptions<CallLogWriterOptions>
    {
        public ValidateOptionsResult Validate(string? name, CallLogWriterOptions options)
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
