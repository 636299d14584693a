using System.Collections.Frozen;
using CallLogClient.Diagnostics;
using CallLogClient.Errors;
using CallLogClient.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CallLogClient.Close.Outcomes;

/// <summary>
/// Reads the organization's outcomes and caches them. Thread-safe; concurrent first reads share one request. Built by
/// <c>services.AddCallLogWriter(...)</c> over the Close client's registration, or from options without dependency
/// injection.
/// </summary>
public sealed class CloseOutcomesClient : ICloseOutcomesClient, IDisposable
{
    private const int PageSize = 100;

    private static readonly CloseOutcomesJsonContext Context = CloseOutcomesJsonContext.Default;

    private static readonly CallOperation List = new(CallLogProvider.Close, "outcomes", "list", "GET");

    private readonly RequestExecutor executor;
    private readonly Func<ICloseOutcomesApi> api;
    private readonly TimeProvider timeProvider;
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly HttpClient? ownedHttpClient;
    private Cached? cached;

    /// <summary>Creates a client with its own connection pool and handler chain, for use without dependency injection.</summary>
    /// <param name="options">The Close settings; checked here.</param>
    /// <param name="loggerFactory">Where the client logs; nothing is logged when <see langword="null"/>.</param>
    public CloseOutcomesClient(CloseClientOptions options, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger(CloseCallActivitiesClient.HttpClientName);
        var httpClient = HandlerChain.CreateHttpClient(options, CloseProtocol.Instance, options.Credential!, logger);
        ApiHttpClient.Configure(httpClient, options.BaseAddress, options.ApplicationId);
        ownedHttpClient = httpClient;
        executor = new RequestExecutor(CloseProtocol.Instance, options.TimeProvider, logger, CallTelemetry.Shared);
        api = GeneratedApi.Over<ICloseOutcomesApi>(httpClient, Context);
        timeProvider = options.TimeProvider;
    }

    internal CloseOutcomesClient(CloseClientOptions options, Func<HttpClient> httpClientSource, ILogger logger, CallTelemetry? telemetry = null)
    {
        options.Validate();
        executor = new RequestExecutor(CloseProtocol.Instance, options.TimeProvider, logger, telemetry ?? CallTelemetry.Shared);
        api = GeneratedApi.Over<ICloseOutcomesApi>(httpClientSource, Context);
        timeProvider = options.TimeProvider;
    }

    /// <summary>How long a read list is used before it is read again. Default 1 hour; outcomes rarely change.</summary>
    public TimeSpan CacheDuration { get; init; } = TimeSpan.FromHours(1);

    /// <inheritdoc/>
    public async Task<IReadOnlyList<CloseOutcome>> ListAsync(CancellationToken cancellationToken = default) =>
        (await GetAsync(cancellationToken).ConfigureAwait(false)).Outcomes;

    /// <inheritdoc/>
    public async Task<CloseOutcome?> FindAsync(string outcomeId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(outcomeId);
        return (await GetAsync(cancellationToken).ConfigureAwait(false)).ById.GetValueOrDefault(outcomeId);
    }

    /// <summary>Releases the connection pool of a client built from options.</summary>
    public void Dispose()
    {
        ownedHttpClient?.Dispose();
        gate.Dispose();
    }

    private async Task<Cached> GetAsync(CancellationToken cancellationToken)
    {
        if (Fresh(cached) is { } hit)
        {
            return hit;
        }

        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (Fresh(cached) is { } raced)
            {
                return raced;
            }

            var outcomes = await ReadAllAsync(cancellationToken).ConfigureAwait(false);
            var read = new Cached(
                outcomes,
                outcomes.Where(o => o.Id.Length > 0).DistinctBy(o => o.Id, StringComparer.Ordinal).ToFrozenDictionary(o => o.Id, StringComparer.Ordinal),
                timeProvider.GetUtcNow());
            cached = read;
            return read;
        }
        finally
        {
            gate.Release();
        }
    }

    private Cached? Fresh(Cached? entry) => entry is not null && timeProvider.GetUtcNow() - entry.ReadAt < CacheDuration ? entry : null;

    private async Task<List<CloseOutcome>> ReadAllAsync(CancellationToken cancellationToken)
    {
        var outcomes = new List<CloseOutcome>();
        var repeats = new RepeatFilter();
        for (var skip = 0; ; skip += PageSize)
        {
            var page = skip;
            var request = new ApiRequest<(Func<ICloseOutcomesApi> Api, int Skip)>(
                (api, page), static (call, state, token) => call.Api().ListAsync(call.Skip, PageSize, state, token))
            {
                Operation = List,
            };
            var response = await executor.CallAsync(request, Context.CloseOutcomeList, (object?)null, static (response, _) => response, cancellationToken)
                .ConfigureAwait(false);
            var items = response.Value.Data ?? [];
            if (items.Contains(null!))
            {
                throw new CallLogResponseFormatException(
                    executor.DescribeUnsuccessful(response, "The list held a null item instead of an outcome.", errorCode: null));
            }

            outcomes.AddRange(items);
            foreach (var outcome in items)
            {
                repeats.IsRepeat(outcome.Id);
            }

            if (!response.Value.HasMore || items.Count == 0)
            {
                return outcomes;
            }

            if (repeats.NewOnPage == 0 || skip + PageSize > CloseRequestValidator.MaxSkip)
            {
                throw PagingFailure.Create(executor, response, repeats.NewOnPage == 0
                    ? $"The outcomes page at _skip={skip} repeats the previous page."
                    : $"The outcomes list goes on past the largest _skip Close allows ({CloseRequestValidator.MaxSkip}).");
            }

            repeats.NextPage();
        }
    }

    private sealed record Cached(IReadOnlyList<CloseOutcome> Outcomes, FrozenDictionary<string, CloseOutcome> ById, DateTimeOffset ReadAt);
}
