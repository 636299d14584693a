using System.Diagnostics.Metrics;
using CallLogClient.Close;
using CallLogClient.Pipedrive;
using CallLogClient.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace CallLogClient.Tests.Observability;

/// <summary>
/// A container holding both clients, registered the way an application does, on a test's clock and WireMock.Net server;
/// its measurements are collected from the meter its own <see cref="IMeterFactory"/> created, so no other test's calls reach them.
/// </summary>
internal sealed class MeteredClients : IDisposable
{
    private readonly ServiceProvider provider;

    public MeteredClients(Uri wireMockBase, TimeProvider clock, RetryOptions retry, Action<PipedriveClientOptions>? pipedrive = null)
    {
        var services = new ServiceCollection();
        services.AddPipedriveCallLogs(o =>
        {
            o.Credential = PipedriveCredential.FromApiToken(TestSecrets.PipedriveApiToken);
            o.BaseAddress = new Uri(wireMockBase, "v1/");
            o.TimeProvider = clock;
            o.Retry = retry;
            pipedrive?.Invoke(o);
        });
        services.AddCloseCallActivities(o =>
        {
            o.Credential = CloseCredential.FromApiKey(TestSecrets.CloseApiKey);
            o.BaseAddress = new Uri(wireMockBase, "api/v1/");
            o.TimeProvider = clock;
            o.Retry = retry;
        });
        provider = services.BuildServiceProvider();
        MeterFactory = provider.GetRequiredService<IMeterFactory>();
        CallDuration = Collect<double>("calllogclient.call.duration");
        Retries = Collect<long>("calllogclient.retries");
        RateLimitedResponses = Collect<long>("calllogclient.rate_limited_responses");
        ServerHintWait = Collect<double>("calllogclient.server_hint.wait.duration");
        Pages = Collect<long>("calllogclient.pages");
        BudgetWait = Collect<double>("calllogclient.budget.wait.duration");
        RateLimitRemaining = Collect<int>("calllogclient.rate_limit.remaining");
    }

    public IMeterFactory MeterFactory { get; }

    public IPipedriveCallLogsClient Pipedrive => provider.GetRequiredService<IPipedriveCallLogsClient>();

    public ICloseCallActivitiesClient Close => provider.GetRequiredService<ICloseCallActivitiesClient>();

    public MetricCollector<double> CallDuration { get; }

    public MetricCollector<long> Retries { get; }

    public MetricCollector<long> RateLimitedResponses { get; }

    public MetricCollector<double> ServerHintWait { get; }

    public MetricCollector<long> Pages { get; }

    public MetricCollector<double> BudgetWait { get; }

    public MetricCollector<int> RateLimitRemaining { get; }

    /// <summary>Every tag of every measurement so far, as text, for the secret scan.</summary>
    public IEnumerable<(string Where, string Text)> TagTexts()
    {
        RateLimitRemaining.RecordObservableInstruments();
        return Tags(CallDuration).Concat(Tags(Retries)).Concat(Tags(RateLimitedResponses)).Concat(Tags(ServerHintWait))
            .Concat(Tags(Pages)).Concat(Tags(BudgetWait)).Concat(Tags(RateLimitRemaining));
    }

    public void Dispose()
    {
        CallDuration.Dispose();
        Retries.Dispose();
        RateLimitedResponses.Dispose();
        ServerHintWait.Dispose();
        Pages.Dispose();
        BudgetWait.Dispose();
        RateLimitRemaining.Dispose();
        provider.Dispose();
    }

    private MetricCollector<T> Collect<T>(string instrument)
        where T : struct => new(MeterFactory, "CallLogClient", instrument);

    private static IEnumerable<(string Where, string Text)> Tags<T>(MetricCollector<T> collector)
        where T : struct =>
        collector.GetMeasurementSnapshot().SelectMany(m => m.Tags.Select(tag => ($"metric {collector.Instrument?.Name} tag {tag.Key}", $"{tag.Key}={tag.Value}")));
}
