using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Reflection;
using System.Text;
using CallLogClient.Errors;
using Polly.Timeout;

namespace CallLogClient.Diagnostics;

/// <summary>
/// The client's traces and metrics: one <see cref="ActivitySource"/> and one <see cref="Meter"/>, both named
/// <c>CallLogClient</c> with the package version. A container's clients share the meter its
/// <see cref="IMeterFactory"/> creates; clients built without dependency injection share one static meter.
/// </summary>
/// <remarks>
/// Every tag value is a constant of the library, a count, a status code, a host name or the provider's request id: never
/// a value the caller sent (phone number, note, query value, call key) and never a credential.
/// </remarks>
internal sealed class CallTelemetry
{
    /// <summary>The name of the activity source and of the meter.</summary>
    public const string Name = "CallLogClient";

    public const string ProviderTag = "calllogclient.provider";
    public const string OperationTag = "calllogclient.operation";
    public const string OutcomeTag = "calllogclient.outcome";
    public const string AttemptsTag = "calllogclient.attempts";
    public const string OutcomeUnknownTag = "calllogclient.outcome_unknown";
    public const string RequestIdTag = "calllogclient.request_id";
    public const string ErrorTypeTag = "error.type";
    public const string MethodTag = "http.request.method";
    public const string StatusCodeTag = "http.response.status_code";
    public const string ServerAddressTag = "server.address";
    public const string ServerPortTag = "server.port";
    public const string CallLogStatusTag = "calllogclient.call_log.status";
    public const string CreateAttemptsTag = "calllogclient.create_attempts";
    public const string FieldsNotStoredTag = "calllogclient.fields_not_stored";

    private static readonly double[] DurationBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300];

    private static readonly Lazy<CallTelemetry> SharedInstance = new(() => new CallTelemetry(new Meter(Name, Version)));

    private readonly ConcurrentDictionary<(string Provider, string Host, int Port), int> remaining = new();

    private CallTelemetry(Meter meter)
    {
        Meter = meter;
        CallDuration = meter.CreateHistogram(
            "calllogclient.call.duration", "s", "Duration of the client's public calls, retries and waits included.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });
        Retries = meter.CreateCounter<long>("calllogclient.retries", "{retry}", "Attempts the client sent again after a failed one.");
        RateLimitedResponses = meter.CreateCounter<long>(
            "calllogclient.rate_limited_responses", "{response}", "HTTP 429 responses received.");
        ServerHintWait = meter.CreateHistogram(
            "calllogclient.server_hint.wait.duration", "s", "Waits the server asked for (Retry-After, rate-limit reset) that the client honoured.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });
        Pages = meter.CreateCounter<long>("calllogclient.pages", "{page}", "List pages fetched and parsed.");
        BudgetWait = meter.CreateHistogram(
            "calllogclient.budget.wait.duration", "s", "Time attempts waited for the client-side request budget.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });
        WriterDuration = meter.CreateHistogram(
            "calllogclient.writer.duration", "s", "Duration of the call log writer's calls, their lookups, creates and completion included.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });
        RemainingGauge = meter.CreateObservableGauge(
            "calllogclient.rate_limit.remaining", ObserveRemaining, "{request}",
            "Requests left in the provider's rate-limit window, from the last rate-limit headers seen per host.");
    }

    /// <summary>The package version, without build metadata (e.g. <c>0.1.0</c>).</summary>
    public static string Version { get; } = ReadVersion();

    /// <summary>The source of the client's spans.</summary>
    public static ActivitySource Source { get; } = new(Name, Version);

    /// <summary>The telemetry of clients built without dependency injection: one static meter for the process.</summary>
    public static CallTelemetry Shared => SharedInstance.Value;

    public Meter Meter { get; }

    public Histogram<double> CallDuration { get; }

    public Counter<long> Retries { get; }

    public Counter<long> RateLimitedResponses { get; }

    public Histogram<double> ServerHintWait { get; }

    public Counter<long> Pages { get; }

    public Histogram<double> BudgetWait { get; }

    public Histogram<double> WriterDuration { get; }

    private ObservableGauge<int> RemainingGauge { get; }

    /// <summary>Something listens to the spans or to one of the instruments; otherwise a call records nothing.</summary>
    private bool Observed =>
        Source.HasListeners() || CallDuration.Enabled || Retries.Enabled || RateLimitedResponses.Enabled || ServerHintWait.Enabled
        || Pages.Enabled || BudgetWait.Enabled || WriterDuration.Enabled || RemainingGauge.Enabled;

    /// <summary>The telemetry of a container: its own meter from <paramref name="meterFactory"/>, or the shared one without a factory.</summary>
    public static CallTelemetry Create(IMeterFactory? meterFactory) =>
        meterFactory is null ? Shared : new CallTelemetry(meterFactory.Create(new MeterOptions(Name) { Version = Version }));

    /// <summary>
    /// Starts the span and the measurements of one public call (the span is current until the scope ends), or
    /// <see langword="null"/> when nothing listens: a call then allocates nothing for telemetry.
    /// </summary>
    public CallScope? Begin(CallOperation operation, TimeProvider timeProvider) =>
        Observed ? new(this, operation, timeProvider) : null;

    /// <summary>
    /// Starts the span and the duration of one call of the call log writer (its operation, e.g. <c>log_call_once</c>), or
    /// <see langword="null"/> when nothing listens.
    /// </summary>
    public WriterScope? BeginWrite(CallLogProvider provider, string operation, TimeProvider timeProvider) =>
        Observed ? new(this, provider, operation, timeProvider) : null;

    /// <summary>The <c>calllogclient.provider</c> tag of <paramref name="provider"/>: <c>pipedrive</c> or <c>close</c>.</summary>
    public static string ProviderName(CallLogProvider provider) => provider == CallLogProvider.Pipedrive ? "pipedrive" : "close";

    /// <summary>The <c>calllogclient.outcome</c> of a call that ended with <paramref name="failure"/> (none: <c>success</c>).</summary>
    public static string Outcome(Exception? failure) => failure switch
    {
        null => "success",
        CallLogOutcomeUnknownException => "outcome_unknown",
        OperationCanceledException => "cancelled",
        _ => "failure",
    };

    /// <summary>The tags of a duration: the provider, the operation, the outcome and, for a failure, its <c>error.type</c>.</summary>
    public static TagList DurationTags(KeyValuePair<string, object?> provider, KeyValuePair<string, object?> operation, Exception? failure)
    {
        var tags = new TagList { provider, operation, { OutcomeTag, Outcome(failure) } };
        if (failure is not null)
        {
            tags.Add(ErrorTypeTag, ErrorType(failure));
        }

        return tags;
    }

    /// <summary>
    /// A low-cardinality name for a failure: the exception type the caller gets, or for a failed attempt the kind of
    /// transport failure, as System.Net.Http's own metrics name it (<c>connection_error</c>, <c>timeout</c>, ...).
    /// </summary>
    public static string ErrorType(Exception exception) => exception switch
    {
        OperationCanceledException => typeof(OperationCanceledException).FullName!,
        TimeoutRejectedException => "timeout",
        HttpRequestException { HttpRequestError: not HttpRequestError.Unknown } http => SnakeCase(http.HttpRequestError.ToString()),
        _ => exception.GetType().FullName!,
    };

    /// <summary>Keeps the rate-limit headers a response to <paramref name="host"/> carried, for the gauge.</summary>
    public void RecordRemaining(CallOperation operation, string host, int port, int requestsLeft) =>
        remaining[(operation.ProviderName, host, port)] = requestsLeft;

    private IEnumerable<Measurement<int>> ObserveRemaining()
    {
        foreach (var ((provider, host, port), left) in remaining)
        {
            yield return new Measurement<int>(
                left,
                new KeyValuePair<string, object?>(ProviderTag, provider),
                new KeyValuePair<string, object?>(ServerAddressTag, host),
                new KeyValuePair<string, object?>(ServerPortTag, port));
        }
    }

    private static string SnakeCase(string name)
    {
        var text = new StringBuilder(name.Length + 4);
        foreach (var c in name)
        {
            if (char.IsUpper(c) && text.Length > 0)
            {
                text.Append('_');
            }

            text.Append(char.ToLowerInvariant(c));
        }

        return text.ToString();
    }

    private static string ReadVersion()
    {
        var assembly = typeof(CallTelemetry).Assembly;
        var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly.GetName().Version?.ToString(3)
            ?? "0.0.0";
        var metadata = version.IndexOf('+', StringComparison.Ordinal);
        return metadata < 0 ? version : version[..metadata];
    }
}
