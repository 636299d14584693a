using System.CommandLine;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace CallLogClient.Sample;

/// <summary>
/// The <c>--trace</c> switch: prints the client's spans (with HttpClient's span of each attempt nested under them) and,
/// at the end of the run, its metrics, through the OpenTelemetry console exporter.
/// </summary>
internal static class SampleTracing
{
    /// <summary>The client's <c>ActivitySource</c> and <c>Meter</c>.</summary>
    private const string ClientSource = "CallLogClient";

    private const string ServiceName = "CallLogClient.Sample";

    public static Option<bool> Option { get; } = new("--trace")
    {
        Description = "Print the client's spans and metrics (OpenTelemetry console exporter).",
        Recursive = true,
    };

    /// <summary>Starts printing when the switch is on; disposing the result prints the metrics and stops.</summary>
    public static IDisposable? Start(ParseResult parse) => parse.GetValue(Option) ? new Session() : null;

    private sealed class Session : IDisposable
    {
        private readonly TracerProvider tracing = Sdk.CreateTracerProviderBuilder()
            .ConfigureResource(resource => resource.AddService(ServiceName))
            .AddSource(ClientSource)
            .AddSource("System.Net.Http")
            .AddConsoleExporter()
            .Build();

        private readonly MeterProvider metrics = Sdk.CreateMeterProviderBuilder()
            .ConfigureResource(resource => resource.AddService(ServiceName))
            .AddMeter(ClientSource)
            .AddConsoleExporter()
            .Build();

        public void Dispose()
        {
            tracing.Dispose();
            metrics.Dispose(); // the final collection prints every metric of the run
        }
    }
}
