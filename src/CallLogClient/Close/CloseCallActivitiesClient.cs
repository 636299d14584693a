using CallLogClient.Close.Models;
using CallLogClient.Diagnostics;
using CallLogClient.Errors;
using CallLogClient.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CallLogClient.Close;

/// <summary>
/// The Close Call activities client. Thread-safe; keep one per credential. Built by
/// <c>services.AddCloseCallActivities(...)</c>, or directly from options for use without dependency injection.
/// </summary>
public sealed class CloseCallActivitiesClient : ICloseCallActivitiesClient, IDisposable
{
    /// <summary>The name of the <see cref="HttpClient"/> this client asks <see cref="IHttpClientFactory"/> for.</summary>
    public const string HttpClientName = "CallLogClient.Close";

    /// <summary>
    /// The name of the <see cref="HttpClient"/> of the registration named <paramref name="name"/>:
    /// <see cref="HttpClientName"/> for the default name (empty), else <see cref="HttpClientName"/><c>.name</c>.
    /// </summary>
    /// <param name="name">The registration's name.</param>
    /// <returns>The <see cref="HttpClient"/> name.</returns>
    public static string HttpClientNameFor(string name) => ClientRegistration.HttpClientNameFor(HttpClientName, name);

    private static readonly CloseJsonContext Context = CloseJsonContext.Default;

    private readonly RequestExecutor executor;
    private readonly Func<ICloseCallActivitiesApi> api;

    /// <summary>The telemetry the client's calls report to; a writer over the client reports to the same.</summary>
    internal CallTelemetry Telemetry => executor.Telemetry;

    private readonly TimeProvider timeProvider;
    private readonly HttpClient? ownedHttpClient;
    private readonly int pagesInFlight;

    /// <summary>Creates a client with its own connection pool and handler chain, for use without dependency injection.</summary>
    /// <param name="options">The settings; checked here.</param>
    /// <param name="loggerFactory">Where the client logs; nothing is logged when <see langword="null"/>.</param>
    public CloseCallActivitiesClient(CloseClientOptions options, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        options = options.Snapshot<CloseClientOptions>();
        var logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger(HttpClientName);
        var httpClient = HandlerChain.CreateHttpClient(options, CloseProtocol.Instance, options.Credential!, logger);
        ApiHttpClient.Configure(httpClient, options.BaseAddress, options.ApplicationId);
        ownedHttpClient = httpClient;
        executor = new RequestExecutor(CloseProtocol.Instance, options.TimeProvider, logger, CallTelemetry.Shared);
        api = GeneratedApi.Over<ICloseCallActivitiesApi>(httpClient, Context);
        timeProvider = options.TimeProvider;
        pagesInFlight = options.PagesInFlight;
    }

    internal CloseCallActivitiesClient(CloseClientOptions options, Func<HttpClient> httpClientSource, ILogger logger, CallTelemetry? telemetry = null)
    {
        options.Validate();
        executor = new RequestExecutor(CloseProtocol.Instance, options.TimeProvider, logger, telemetry ?? CallTelemetry.Shared);
        api = GeneratedApi.Over<ICloseCallActivitiesApi>(httpClientSource, Context);
        timeProvider = options.TimeProvider;
        pagesInFlight = options.PagesInFlight;
    }

    /// <summary>The largest <c>_skip</c> the paging methods use; lowered by tests to cross the cap with a few calls.</summary>
    internal int MaxSkip { get; set; } = CloseRequestValidator.MaxSkip;

    /// <inheritdoc/>
    public Task<CloseCallActivityPage> ListPageAsync(
        CloseCallQuery? query = null, int skip = 0, int limit = 100, CancellationToken cancellationToken = default)
    {
        ValidatePage(query, skip, limit);
        return ReadPageAsync(query, skip, limit, Answer.Value, cancellationToken);
    }

    /// <inheritdoc/>
    public Task<CallLogResponse<CloseCallActivityPage>> ListPageWithResponseAsync(
        CloseCallQuery? query = null, int skip = 0, int limit = 100, CancellationToken cancellationToken = default)
    {
        ValidatePage(query, skip, limit);
        return ReadPageAsync(query, skip, limit, Answer.WithDetails, cancellationToken);
    }

    /// <inheritdoc/>
    public IAsyncEnumerable<CloseCallActivity> ListAllAsync(
        CloseCallQuery? query = null, int pageSize = 100, CancellationToken cancellationToken = default)
    {
        CloseRequestValidator.ValidateQuery(query);
        CloseRequestValidator.ValidatePageSize(pageSize, nameof(pageSize));
        return EnumerateAsync(query, pageSize, cancellationToken);
    }

    /// <inheritdoc/>
    public IAsyncEnumerable<CloseCallActivity> ListAllByDateWindowsAsync(
        CloseCallQuery? query = null, int pageSize = 100, CancellationToken cancellationToken = default)
    {
        CloseRequestValidator.ValidateQuery(query);
        CloseRequestValidator.ValidatePageSize(pageSize, nameof(pageSize));
        var reader = new CloseDateWindowReader(
            (query, skip, limit, token) => ReadPageAsync(query, skip, limit, Answer.Response, token), executor, MaxSkip, timeProvider, pagesInFlight);
        return reader.ReadAsync(query, pageSize, cancellationToken);
    }

    /// <inheritdoc/>
    public Task<CloseCallActivity> GetAsync(string id, IEnumerable<string>? fields = null, CancellationToken cancellationToken = default) =>
        SendGetAsync(id, fields, Answer.Value, cancellationToken);

    /// <inheritdoc/>
    public Task<CallLogResponse<CloseCallActivity>> GetWithResponseAsync(
        string id, IEnumerable<string>? fields = null, CancellationToken cancellationToken = default) =>
        SendGetAsync(id, fields, Answer.WithDetails, cancellationToken);

    /// <inheritdoc/>
    public Task<CloseCallActivity> CreateAsync(CloseCreateCallRequest request, CancellationToken cancellationToken = default) =>
        SendCreateAsync(request, Answer.Value, cancellationToken);

    /// <inheritdoc/>
    public Task<CallLogResponse<CloseCallActivity>> CreateWithResponseAsync(
        CloseCreateCallRequest request, CancellationToken cancellationToken = default) =>
        SendCreateAsync(request, Answer.WithDetails, cancellationToken);

    /// <inheritdoc/>
    public Task<CloseCallActivity> UpdateAsync(string id, CloseUpdateCallRequest request, CancellationToken cancellationToken = default) =>
        SendUpdateAsync(id, request, Answer.Value, cancellationToken);

    /// <inheritdoc/>
    public Task<CallLogResponse<CloseCallActivity>> UpdateWithResponseAsync(
        string id, CloseUpdateCallRequest request, CancellationToken cancellationToken = default) =>
        SendUpdateAsync(id, request, Answer.WithDetails, cancellationToken);

    /// <inheritdoc/>
    public Task DeleteAsync(string id, CancellationToken cancellationToken = default) => DeleteWithResponseAsync(id, cancellationToken);

    /// <inheritdoc/>
    public Task<CallLogResponse> DeleteWithResponseAsync(string id, CancellationToken cancellationToken = default)
    {
        PathSegment.Validate(id);
        var request = new ApiRequest<(Func<ICloseCallActivitiesApi> Api, string Id)>(
            (api, id), static (call, state, token) => call.Api().DeleteAsync(call.Id, state, token))
        {
            Operation = CloseOperations.Delete,
            DoneByEarlierAttempt = ApiRequest.DeletedByEarlierAttempt,
        };
        return executor.CallAsync(request, (object?)null, static (response, _) => response.WithoutValue(), cancellationToken);
    }

    /// <summary>Releases the connection pool of a client built from options; a client from dependency injection owns none.</summary>
    public void Dispose() => ownedHttpClient?.Dispose();

    private IAsyncEnumerable<CloseCallActivity> EnumerateAsync(CloseCallQuery? query, int pageSize, CancellationToken cancellationToken) =>
        new ClosePaging(
            (skip, token) => ReadPageAsync(query, skip, pageSize, Answer.Response, token),
            executor,
            MaxSkip,
            $"More calls match than Close lets a list skip ({MaxSkip}); read them with ListAllByDateWindowsAsync, which splits the range by date_created.",
            pageSize,
            pagesInFlight).ReadAsync(cancellationToken);

    private static void ValidatePage(CloseCallQuery? query, int skip, int limit)
    {
        CloseRequestValidator.ValidateQuery(query);
        CloseRequestValidator.ValidatePage(skip, limit);
    }

    private Task<TAnswer> ReadPageAsync<TAnswer>(
        CloseCallQuery? query,
        int skip,
        int limit,
        Func<ApiResponse<CloseListResponse>, CloseCallActivityPage, TAnswer> answer,
        CancellationToken cancellationToken)
    {
        var request = new ApiRequest<(CloseCallActivitiesClient Client, CloseCallQuery? Query, int Skip, int Limit)>(
            (this, query, skip, limit),
            static (call, state, token) => call.Client.SendListAsync(call.Query, call.Skip, call.Limit, state, token))
        {
            Operation = CloseOperations.List,
        };
        return executor.CallAsync(
            request,
            Context.CloseListResponse,
            (Client: this, Skip: skip, Answer: answer),
            static (response, args) => args.Answer(response, args.Client.PageOf(response, args.Skip)),
            cancellationToken);
    }

    private CloseCallActivityPage PageOf(ApiResponse<CloseListResponse> response, int skip)
    {
        var items = response.Value.Data ?? [];
        if (items.Contains(null!))
        {
            throw new CallLogResponseFormatException(
                executor.DescribeUnsuccessful(response, "The list held a null item instead of a call activity.", errorCode: null));
        }

        response.Call.Request.Telemetry?.PageRead();
        return new CloseCallActivityPage(items, response.Value.HasMore, skip);
    }

    private Task<TAnswer> SendGetAsync<TAnswer>(
        string id,
        IEnumerable<string>? fields,
        Func<ApiResponse<CloseCallActivity>, CloseCallActivity, TAnswer> answer,
        CancellationToken cancellationToken)
    {
        PathSegment.Validate(id);
        var fieldList = fields?.ToList();
        CloseRequestValidator.ValidateFields(fieldList, nameof(fields));
        var request = new ApiRequest<(Func<ICloseCallActivitiesApi> Api, string Id, List<string>? Fields)>(
            (api, id, fieldList),
            static (call, state, token) => call.Api().GetAsync(call.Id, CloseQueryValue.List(call.Fields), state, token))
        {
            Operation = CloseOperations.Get,
        };
        return SendAsync(request, requireId: fieldList is null, answer, cancellationToken);
    }

    private Task<TAnswer> SendCreateAsync<TAnswer>(
        CloseCreateCallRequest created, Func<ApiResponse<CloseCallActivity>, CloseCallActivity, TAnswer> answer, CancellationToken cancellationToken)
    {
        CloseRequestValidator.ValidateCreate(created);
        var body = JsonBody.From(CloseCallRequestWriter.Create(created));
        var request = new ApiRequest<(Func<ICloseCallActivitiesApi> Api, JsonBody.Content Body)>(
            (api, body), static (call, state, token) => call.Api().CreateAsync(call.Body, state, token))
        {
            Operation = CloseOperations.Create,
            Replay = ReplayPolicy.CreateOnce,
            Model = created,
        };
        return SendAsync(request, requireId: true, answer, cancellationToken);
    }

    private Task<TAnswer> SendUpdateAsync<TAnswer>(
        string id,
        CloseUpdateCallRequest update,
        Func<ApiResponse<CloseCallActivity>, CloseCallActivity, TAnswer> answer,
        CancellationToken cancellationToken)
    {
        PathSegment.Validate(id);
        CloseRequestValidator.ValidateUpdate(update);
        var body = JsonBody.From(CloseCallRequestWriter.Update(update));
        var request = new ApiRequest<(Func<ICloseCallActivitiesApi> Api, string Id, JsonBody.Content Body)>(
            (api, id, body), static (call, state, token) => call.Api().UpdateAsync(call.Id, call.Body, state, token))
        {
            Operation = CloseOperations.Update, Replay = ReplayPolicy.Idempotent,
        };
        return SendAsync(request, requireId: true, answer, cancellationToken);
    }

    /// <summary>Sends a request answered by one call activity; unless <c>_fields</c> left it out, it must carry its id.</summary>
    private Task<TAnswer> SendAsync<TAnswer>(
        ApiRequest request,
        bool requireId,
        Func<ApiResponse<CloseCallActivity>, CloseCallActivity, TAnswer> answer,
        CancellationToken cancellationToken) =>
        executor.CallAsync(
            request,
            Context.CloseCallActivity,
            (Executor: executor, RequireId: requireId, Answer: answer),
            static (response, args) => args.RequireId && string.IsNullOrEmpty(response.Value.Id)
                ? throw new CallLogResponseFormatException(args.Executor.DescribeUnsuccessful(
                    response,
                    "The response carried no call activity (no id)." + RequestExecutor.CreatedAdvice(response.Call.Request),
                    errorCode: null))
                : args.Answer(response, response.Value),
            cancellationToken);

    private Task<HttpResponseMessage> SendListAsync(
        CloseCallQuery? query, int skip, int limit, RequestState state, CancellationToken cancellationToken) =>
        api().ListAsync(
            CloseQueryValue.List(query?.Ids),
            CloseQueryValue.List(query?.LeadIds),
            CloseQueryValue.List(query?.ContactIds),
            CloseQueryValue.List(query?.UserIds),
            CloseQueryValue.Text(query?.OrganizationId),
            CloseQueryValue.Date(query?.DateCreated?.GreaterThan),
            CloseQueryValue.Date(query?.DateCreated?.GreaterThanOrEqual),
            CloseQueryValue.Date(query?.DateCreated?.LessThan),
            CloseQueryValue.Date(query?.DateCreated?.LessThanOrEqual),
            CloseQueryValue.Date(query?.ActivityAt?.GreaterThan),
            CloseQueryValue.Date(query?.ActivityAt?.GreaterThanOrEqual),
            CloseQueryValue.Date(query?.ActivityAt?.LessThan),
            CloseQueryValue.Date(query?.ActivityAt?.LessThanOrEqual),
            CloseQueryValue.List(query?.Fields),
            skip,
            limit,
            state,
            cancellationToken);
}
