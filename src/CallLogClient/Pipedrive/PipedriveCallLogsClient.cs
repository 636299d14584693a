using System.Collections.Frozen;
using System.Net;
using System.Text.Json;
using CallLogClient.Diagnostics;
using CallLogClient.Errors;
using CallLogClient.Http;
using CallLogClient.Pipedrive.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CallLogClient.Pipedrive;

/// <summary>
/// The Pipedrive Call Logs client. Thread-safe; keep one per credential. Built by
/// <c>services.AddPipedriveCallLogs(...)</c>, or directly from options for use without dependency injection.
/// </summary>
public sealed class PipedriveCallLogsClient : IPipedriveCallLogsClient, IDisposable
{
    /// <summary>The name of the <see cref="HttpClient"/> this client asks <see cref="IHttpClientFactory"/> for.</summary>
    public const string HttpClientName = "CallLogClient.Pipedrive";

    /// <summary>
    /// The name of the <see cref="HttpClient"/> of the registration named <paramref name="name"/>:
    /// <see cref="HttpClientName"/> for the default name (empty), else <see cref="HttpClientName"/><c>.name</c>.
    /// </summary>
    /// <param name="name">The registration's name.</param>
    /// <returns>The <see cref="HttpClient"/> name.</returns>
    public static string HttpClientNameFor(string name) => ClientRegistration.HttpClientNameFor(HttpClientName, name);

    private static readonly PipedriveJsonContext Context = PipedriveJsonContext.Default;

    /// <summary>A 409 "recording already exists" after an upload attempt that may have gone through: that attempt stored it.</summary>
    private static readonly IReadOnlySet<HttpStatusCode> StoredByEarlierAttempt = new[] { HttpStatusCode.Conflict }.ToFrozenSet();

    private readonly RequestExecutor executor;
    private readonly Func<IPipedriveCallLogsApi> api;

    /// <summary>The telemetry the client's calls report to; a writer over the client reports to the same.</summary>
    internal CallTelemetry Telemetry => executor.Telemetry;

    private readonly HttpClient? ownedHttpClient;
    private readonly int pagesInFlight;

    /// <summary>Creates a client with its own connection pool and handler chain, for use without dependency injection.</summary>
    /// <param name="options">The settings; checked here.</param>
    /// <param name="loggerFactory">Where the client logs; nothing is logged when <see langword="null"/>.</param>
    public PipedriveCallLogsClient(PipedriveClientOptions options, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        options = options.Snapshot<PipedriveClientOptions>();
        var logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger(HttpClientName);
        var httpClient = HandlerChain.CreateHttpClient(options, PipedriveProtocol.Instance, options.Credential!, logger);
        ApiHttpClient.Configure(httpClient, options.EffectiveBaseAddress, options.ApplicationId);
        ownedHttpClient = httpClient;
        executor = new RequestExecutor(PipedriveProtocol.Instance, options.TimeProvider, logger, CallTelemetry.Shared);
        api = GeneratedApi.Over<IPipedriveCallLogsApi>(httpClient, Context);
        pagesInFlight = options.PagesInFlight;
    }

    internal PipedriveCallLogsClient(
        PipedriveClientOptions options, Func<HttpClient> httpClientSource, ILogger logger, CallTelemetry? telemetry = null)
    {
        options.Validate();
        executor = new RequestExecutor(PipedriveProtocol.Instance, options.TimeProvider, logger, telemetry ?? CallTelemetry.Shared);
        api = GeneratedApi.Over<IPipedriveCallLogsApi>(httpClientSource, Context);
        pagesInFlight = options.PagesInFlight;
    }

    /// <inheritdoc/>
    public Task<PipedriveCallLogPage> ListPageAsync(int start = 0, int limit = 50, CancellationToken cancellationToken = default)
    {
        PipedriveRequestValidator.ValidatePage(start, limit);
        return ReadPageAsync(start, limit, Answer.Value, cancellationToken);
    }

    /// <inheritdoc/>
    public Task<CallLogResponse<PipedriveCallLogPage>> ListPageWithResponseAsync(
        int start = 0, int limit = 50, CancellationToken cancellationToken = default)
    {
        PipedriveRequestValidator.ValidatePage(start, limit);
        return ReadPageAsync(start, limit, Answer.WithDetails, cancellationToken);
    }

    private Task<TAnswer> ReadPageAsync<TAnswer>(
        int start,
        int limit,
        Func<ApiResponse<PipedriveResponse<List<PipedriveCallLog>>>, PipedriveCallLogPage, TAnswer> answer,
        CancellationToken cancellationToken)
    {
        var request = new ApiRequest<(Func<IPipedriveCallLogsApi> Api, int Start, int Limit)>(
            (api, start, limit), static (call, state, token) => call.Api().ListAsync(call.Start, call.Limit, state, token))
        {
            Operation = PipedriveOperations.List, Cost = 20,
        };
        return executor.CallAsync(
            request,
            Context.PipedriveResponseListPipedriveCallLog,
            (Client: this, Start: start, Limit: limit, Answer: answer),
            static (response, args) => args.Answer(response, args.Client.PageOf(response, args.Start, args.Limit)),
            cancellationToken);
    }

    private PipedriveCallLogPage PageOf(ApiResponse<PipedriveResponse<List<PipedriveCallLog>>> response, int start, int limit)
    {
        var envelope = EnsureSuccess(response);
        var pagination = envelope.AdditionalData?.Pagination
            ?? new PipedrivePagination { Start = start, Limit = limit, MoreItemsInCollection = false };
        var items = envelope.Data ?? [];
        if (items.Contains(null!))
        {
            throw Unsuccessful(response, "The list held a null item instead of a call log.");
        }

        response.Call.Request.Telemetry?.PageRead();
        return new PipedriveCallLogPage(items, pagination);
    }

    /// <inheritdoc/>
    public IAsyncEnumerable<PipedriveCallLog> ListAllAsync(int pageSize = 50, CancellationToken cancellationToken = default)
    {
        PipedriveRequestValidator.ValidatePageSize(pageSize);
        return EnumerateAsync(pageSize, cancellationToken);
    }

    /// <inheritdoc/>
    public Task<PipedriveCallLog> GetAsync(string id, CancellationToken cancellationToken = default) =>
        SendGetAsync(id, Answer.Value, cancellationToken);

    /// <inheritdoc/>
    public Task<CallLogResponse<PipedriveCallLog>> GetWithResponseAsync(string id, CancellationToken cancellationToken = default) =>
        SendGetAsync(id, Answer.WithDetails, cancellationToken);

    /// <inheritdoc/>
    public Task<PipedriveCallLog> CreateAsync(PipedriveCreateCallLogRequest request, CancellationToken cancellationToken = default) =>
        SendCreateAsync(request, Answer.Value, cancellationToken);

    /// <inheritdoc/>
    public Task<CallLogResponse<PipedriveCallLog>> CreateWithResponseAsync(
        PipedriveCreateCallLogRequest request, CancellationToken cancellationToken = default) =>
        SendCreateAsync(request, Answer.WithDetails, cancellationToken);

    /// <inheritdoc/>
    public Task AddRecordingAsync(
        string id, Stream audio, string fileName, string contentType, CancellationToken cancellationToken = default) =>
        AddRecordingWithResponseAsync(id, audio, fileName, contentType, cancellationToken);

    /// <inheritdoc/>
    public Task<CallLogResponse> AddRecordingWithResponseAsync(
        string id, Stream audio, string fileName, string contentType, CancellationToken cancellationToken = default)
    {
        PathSegment.Validate(id);
        ArgumentNullException.ThrowIfNull(audio);
        var file = RecordingPart.Create(audio, fileName, AudioMediaType.Parse(contentType, nameof(contentType)));
        var request = new ApiRequest<(Func<IPipedriveCallLogsApi> Api, string Id, RecordingPart File)>(
            (api, id, file), static (call, state, token) => call.Api().AddRecordingAsync(call.Id, call.File, state, token))
        {
            Operation = PipedriveOperations.AttachRecording,
            Replay = audio.CanSeek ? ReplayPolicy.Idempotent : ReplayPolicy.Never,
            DoneByEarlierAttempt = StoredByEarlierAttempt,
            Cost = 10,
        };
        return SendWithoutValueAsync(request, cancellationToken);
    }

    /// <inheritdoc/>
    public async Task AddRecordingFromFileAsync(
        string id, string filePath, string? contentType = null, CancellationToken cancellationToken = default)
    {
        PathSegment.Validate(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(filePath);
        var mediaType = contentType ?? AudioMediaType.FromFileName(filePath, nameof(filePath));
        var audio = new FileStream(filePath, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 64 * 1024, useAsync: true);
        await using (audio.ConfigureAwait(false))
        {
            await AddRecordingAsync(id, audio, Path.GetFileName(filePath), mediaType, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    public Task DeleteAsync(string id, CancellationToken cancellationToken = default) => DeleteWithResponseAsync(id, cancellationToken);

    /// <inheritdoc/>
    public Task<CallLogResponse> DeleteWithResponseAsync(string id, CancellationToken cancellationToken = default)
    {
        PathSegment.Validate(id);
        var request = new ApiRequest<(Func<IPipedriveCallLogsApi> Api, string Id)>(
            (api, id), static (call, state, token) => call.Api().DeleteAsync(call.Id, state, token))
        {
            Operation = PipedriveOperations.Delete,
            DoneByEarlierAttempt = ApiRequest.DeletedByEarlierAttempt,
            Cost = 6,
        };
        return SendWithoutValueAsync(request, cancellationToken);
    }

    /// <summary>Releases the connection pool of a client built from options; a client from dependency injection owns none.</summary>
    public void Dispose() => ownedHttpClient?.Dispose();

    private IAsyncEnumerable<PipedriveCallLog> EnumerateAsync(int pageSize, CancellationToken cancellationToken) =>
        new Pager<ApiResponse<PipedriveCallLogPage>, PipedriveCallLog>(
            (start, token) => ReadPageAsync(start, pageSize, Answer.Response, token), Step, pageSize, pagesInFlight)
            .ReadAsync(0, cancellationToken);

    private PageStep<PipedriveCallLog> Step(ApiResponse<PipedriveCallLogPage> response, int start, RepeatFilter repeats)
    {
        var page = response.Value;
        var items = repeats.NewItems(page.Items, static callLog => callLog.Id);
        if (!page.Pagination.MoreItemsInCollection)
        {
            return new(items, Next: null);
        }

        if (NextStart(start, page, repeats.NewOnPage) is not { } next)
        {
            return new(items, Next: null, PagingFailure.Create(executor, response, StuckPageProblem(start, page)));
        }

        repeats.NextPage();
        return new(items, next);
    }

    /// <summary>Where the page after this one starts, or <see langword="null"/> when the page gives no way forward.</summary>
    private static int? NextStart(int start, PipedriveCallLogPage page, int newItems) =>
        page.NextStart is { } next && next > start && newItems > 0 ? next : null;

    private static string StuckPageProblem(int start, PipedriveCallLogPage page) => page switch
    {
        { Items.Count: 0 } => $"The page at start={start} says more call logs follow but holds none.",
        { NextStart: null } => $"The page at start={start} says more call logs follow but names neither next_start nor its own start.",
        { NextStart: { } next } when next <= start =>
            $"The page at start={start} says more call logs follow at next_start={next}, which does not move past it.",
        _ => $"The page at start={start} repeats the previous page.",
    };

    private Task<TAnswer> SendGetAsync<TAnswer>(
        string id, Func<ApiResponse<PipedriveResponse<PipedriveCallLog>>, PipedriveCallLog, TAnswer> answer, CancellationToken cancellationToken)
    {
        PathSegment.Validate(id);
        var request = new ApiRequest<(Func<IPipedriveCallLogsApi> Api, string Id)>(
            (api, id), static (call, state, token) => call.Api().GetAsync(call.Id, state, token))
        {
            Operation = PipedriveOperations.Get, Cost = 2,
        };
        return SendForCallLogAsync(request, answer, cancellationToken);
    }

    private Task<TAnswer> SendCreateAsync<TAnswer>(
        PipedriveCreateCallLogRequest callLog,
        Func<ApiResponse<PipedriveResponse<PipedriveCallLog>>, PipedriveCallLog, TAnswer> answer,
        CancellationToken cancellationToken)
    {
        PipedriveRequestValidator.ValidateCreate(callLog);
        var body = JsonBody.From(JsonSerializer.SerializeToUtf8Bytes(callLog, Context.PipedriveCreateCallLogRequest));
        var request = new ApiRequest<(Func<IPipedriveCallLogsApi> Api, JsonBody.Content Body)>(
            (api, body), static (call, state, token) => call.Api().CreateAsync(call.Body, state, token))
        {
            Operation = PipedriveOperations.Create,
            Replay = ReplayPolicy.CreateOnce,
            Cost = 10,
            Model = callLog,
        };
        return SendForCallLogAsync(request, answer, cancellationToken);
    }

    private Task<TAnswer> SendForCallLogAsync<TAnswer>(
        ApiRequest request,
        Func<ApiResponse<PipedriveResponse<PipedriveCallLog>>, PipedriveCallLog, TAnswer> answer,
        CancellationToken cancellationToken) =>
        executor.CallAsync(
            request,
            Context.PipedriveResponsePipedriveCallLog,
            (Client: this, Answer: answer),
            static (response, args) => args.Answer(response, args.Client.CallLogOf(response)),
            cancellationToken);

    private PipedriveCallLog CallLogOf(ApiResponse<PipedriveResponse<PipedriveCallLog>> response) =>
        EnsureSuccess(response).Data is { Id.Length: > 0 } callLog
            ? callLog
            : throw new CallLogResponseFormatException(executor.DescribeUnsuccessful(
                response,
                "The response carried no call log (no data, or no id)." + RequestExecutor.CreatedAdvice(response.Call.Request),
                errorCode: null));

    /// <summary>Sends a request whose success body carries nothing to return (an upload, a delete).</summary>
    private Task<CallLogResponse> SendWithoutValueAsync(ApiRequest request, CancellationToken cancellationToken) =>
        executor.CallAsync(
            request,
            this,
            static (response, client) =>
            {
                client.EnsureNotRefused(response);
                return response.WithoutValue();
            },
            cancellationToken);

    /// <summary>Pipedrive can answer 2xx with <c>success:false</c>; that is a failure, not a result.</summary>
    private PipedriveResponse<T> EnsureSuccess<T>(ApiResponse<PipedriveResponse<T>> response) =>
        response.Value.Success == false ? throw Unsuccessful(response, response.Value.Error) : response.Value;

    /// <summary>
    /// For calls whose success body carries nothing (<c>{success:true}</c>): a 2xx is a success, even empty or
    /// unreadable, unless its body says <c>success:false</c>. A 404/410 here is a delete a retry found already done.
    /// </summary>
    private void EnsureNotRefused(ApiResponse<ReadOnlyMemory<byte>> response)
    {
        if ((int)response.StatusCode is < 200 or > 299 || !ErrorBodyText.LooksLikeJsonObject(response.Value.Span))
        {
            return;
        }

        PipedriveResponse<JsonElement>? envelope;
        try
        {
            envelope = JsonSerializer.Deserialize(response.Value.Span, Context.PipedriveResponseJsonElement);
        }
        catch (JsonException)
        {
            return; // the status already says the server did it
        }

        if (envelope?.Success == false)
        {
            throw Unsuccessful(response, envelope.Error);
        }
    }

    private CallLogResponseFormatException Unsuccessful<T>(ApiResponse<T> response, string? error) =>
        new(executor.DescribeUnsuccessful(response, error ?? "success:false in a 2xx response.", errorCode: null));
}
