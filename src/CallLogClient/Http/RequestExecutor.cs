using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using CallLogClient.Diagnostics;
using CallLogClient.Errors;
using Microsoft.Extensions.Logging;
using Polly.Timeout;

namespace CallLogClient.Http;

/// <summary>
/// The one send path of every public call: builds the request, sends it through the handler chain, classifies the
/// response and turns every failure into a typed exception. Knows nothing of a provider beyond its protocol.
/// </summary>
internal sealed class RequestExecutor(
    IProviderProtocol protocol,
    Func<HttpClient> httpClientSource,
    Uri baseAddress,
    string userAgent,
    TimeProvider timeProvider,
    ILogger logger)
{
    private const int MaxErrorBodyBytes = 64 * 1024;

    /// <summary>How much of a body is decoded and masked for a snippet: enough for its first 512 characters after masking.</summary>
    private const int MaxSnippetSourceBytes = 16 * 1024;

    /// <summary>The executor of a client: its base address checked, its User-Agent and clock taken from the options.</summary>
    public static RequestExecutor For(
        CallLogClientOptions options, Uri baseAddress, IProviderProtocol protocol, Func<HttpClient> httpClientSource, ILogger logger) =>
        new(
            protocol,
            httpClientSource,
            BaseAddressValidator.Normalize(baseAddress, nameof(baseAddress)),
            UserAgent.For(options.ApplicationId),
            options.TimeProvider,
            logger);

    /// <summary>Sends the request and reads its JSON body as <typeparamref name="T"/>.</summary>
    public async Task<ApiResponse<T>> SendAsync<T>(ApiRequest request, JsonTypeInfo<T> bodyType, CancellationToken cancellationToken)
    {
        var (response, state) = await SendCoreAsync(request, cancellationToken).ConfigureAwait(false);
        using (response)
        {
            var value = Deserialize(ResponseBodyReader.BodyOf(response).Span, bodyType, response, state);
            return new ApiResponse<T>(
                value, response.StatusCode, ResponseHeaders.RequestId(response, state.Secrets), RateLimitOf(response), state.Attempts,
                state.Secrets);
        }
    }

    /// <summary>Sends the request and returns its raw body; for calls whose success body carries nothing to read.</summary>
    public async Task<ApiResponse<ReadOnlyMemory<byte>>> SendAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        var (response, state) = await SendCoreAsync(request, cancellationToken).ConfigureAwait(false);
        using (response)
        {
            return new ApiResponse<ReadOnlyMemory<byte>>(
                ResponseBodyReader.BodyOf(response), response.StatusCode, ResponseHeaders.RequestId(response, state.Secrets),
                RateLimitOf(response), state.Attempts, state.Secrets);
        }
    }

    /// <summary>The details of a response that was a success on the wire but not in substance (Pipedrive success:false).</summary>
    public CallLogErrorDetails DescribeUnsuccessful<T>(ApiRequest request, ApiResponse<T> response, string? errorMessage, string? errorCode) =>
        new()
        {
            Provider = protocol.Provider,
            Method = request.Method.Method,
            RequestPath = PathOf(request),
            StatusCode = response.StatusCode,
            ErrorMessage = Redactor.Mask(errorMessage, [.. PersonalValuesOf(request), .. response.Secrets]),
            ErrorCode = errorCode,
            RequestId = response.RequestId,
            RateLimit = response.RateLimit,
            Attempts = response.Attempts,
        };

    private async Task<(HttpResponseMessage Response, RequestState State)> SendCoreAsync(
        ApiRequest request, CancellationToken cancellationToken)
    {
        var state = new RequestState { Request = request, Path = PathOf(request) };
        using var message = new HttpRequestMessage(request.Method, BuildUri(request)) { Content = request.Content };
        message.Headers.TryAddWithoutValidation("User-Agent", userAgent);
        state.AttachTo(message);
        HttpResponseMessage response;
        try
        {
            response = await httpClientSource().SendAsync(message, HttpCompletionOption.ResponseContentRead, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception) when (cancellationToken.IsCancellationRequested && IsNetworkFailure(exception))
        {
            throw new OperationCanceledException("The call was cancelled.", exception, cancellationToken);
        }
        catch (UnusableCredentialException exception)
        {
            var details = Describe(request, state, response: null, new ProviderError(exception.Message), body: default) with
            {
                Attempts = state.Attempts - 1,
            };
            Log.CallFailed(logger, protocol.Provider, request.Method.Method, state.Path, state.Attempts - 1, exception.Message);
            throw new Errors.CallLogAuthenticationException(details);
        }
        catch (Exception exception) when (IsNetworkFailure(exception))
        {
            var failure = DescribeTransportFailure(exception, state);
            var details = Describe(request, state, response: null, new ProviderError(failure), body: default);
            Log.CallFailed(logger, protocol.Provider, request.Method.Method, state.Path, state.Attempts, failure);
            var cause = exception is TimeoutRejectedException ? new TimeoutException(failure) : exception; // no Polly type reaches callers
            throw ExceptionFactory.FromTransportFailure(details, state, cause);
        }
        finally
        {
            message.Content = null; // the caller's content outlives this message
        }

        if (response.IsSuccessStatusCode && state.BodyProblem is { } problem)
        {
            using (response)
            {
                var details = Describe(request, state, response, new ProviderError(problem + CreatedAdvice(request)), ResponseBodyReader.BodyOf(response).Span);
                Log.CallFailed(logger, protocol.Provider, request.Method.Method, state.Path, state.Attempts, problem);
                throw new CallLogResponseFormatException(details);
            }
        }

        if (response.IsSuccessStatusCode || IsDoneByEarlierAttempt(request, state, response.StatusCode))
        {
            return (response, state);
        }

        using (response)
        {
            throw FailureFromResponse(request, state, response);
        }
    }

    /// <summary>What went wrong without a response, in the client's own words (never an inner exception's text).</summary>
    private static string DescribeTransportFailure(Exception exception, RequestState state)
    {
        var failure = state.OverallTimedOut && exception is TimeoutRejectedException timeout
            ? $"the call did not complete within its overall timeout ({FailureClassifier.Format(timeout.Timeout)})"
            : FailureClassifier.Describe(exception);
        return state.Attempts == 0 ? failure + "; nothing was sent" : failure;
    }

    private CallLogApiException FailureFromResponse(ApiRequest request, RequestState state, HttpResponseMessage response)
    {
        var body = ResponseBodyReader.BodyOf(response).Span;
        var head = body[..Math.Min(body.Length, MaxErrorBodyBytes)];
        var redirectHost = IsRedirect(response.StatusCode) ? ResponseHeaders.RedirectHost(response, state.Secrets) : null;
        var details = Describe(request, state, response, protocol.ParseError(head, response.Content.Headers.ContentType?.MediaType), head);
        if (IsRedirect(response.StatusCode))
        {
            // Set after masking: a host such as 10.0.0.12 would otherwise be masked as a phone number.
            details = details with
            {
                ErrorMessage = $"the server redirected to {redirectHost ?? "no Location"}; the client follows no redirect, so nothing was sent there",
            };
        }

        Log.CallFailed(logger, protocol.Provider, request.Method.Method, state.Path, state.Attempts, Log.Describe(response.StatusCode));
        return ExceptionFactory.FromStatus(details, state, timeProvider.GetUtcNow(), redirectHost);
    }

    private T Deserialize<T>(ReadOnlySpan<byte> body, JsonTypeInfo<T> bodyType, HttpResponseMessage response, RequestState state)
    {
        string? problem;
        JsonException? failure = null;
        try
        {
            var value = body.IsEmpty ? default : JsonSerializer.Deserialize(body, bodyType);
            if (value is not null)
            {
                return value;
            }

            problem = "The response body was empty.";
        }
        catch (JsonException exception)
        {
            failure = exception;
            problem = $"The response body is not the expected JSON ({exception.Path ?? "root"}, byte {exception.BytePositionInLine}).";
        }

        var details = Describe(state.Request, state, response, new ProviderError(problem + CreatedAdvice(state.Request)), body);
        throw new CallLogResponseFormatException(details, failure);
    }

    /// <summary>
    /// For a create answered with success but an unreadable body: the record most likely exists, and creating it again
    /// would duplicate it. Empty for every other request.
    /// </summary>
    public static string CreatedAdvice(ApiRequest request) => request.Replay == ReplayPolicy.CreateOnce
        ? " The server answered with success, so it was most likely created: look it up before creating it again."
        : "";

    private CallLogErrorDetails Describe(
        ApiRequest request, RequestState state, HttpResponseMessage? response, ProviderError error, ReadOnlySpan<byte> body)
    {
        IReadOnlyList<string> sensitive = [.. PersonalValuesOf(request), .. state.Secrets];
        return new()
        {
            Provider = protocol.Provider,
            Method = request.Method.Method,
            RequestPath = state.Path,
            StatusCode = response?.StatusCode,
            ErrorCode = Redactor.CleanServerText(error.Code, state.Secrets),
            ErrorMessage = Redactor.Mask(error.Message, sensitive),
            FieldErrors = (error.FieldErrors ?? new Dictionary<string, string>())
                .ToDictionary(field => Redactor.Mask(field.Key, sensitive)!, field => Redactor.Mask(field.Value, sensitive)!),
            RequestId = response is null ? null : ResponseHeaders.RequestId(response, state.Secrets),
            RetryAfter = state.ServerDelay,
            RateLimit = response is null ? null : RateLimitOf(response),
            Attempts = state.Attempts,
            ResponseSnippet = body.IsEmpty
                ? null
                : Redactor.Snippet(Encoding.UTF8.GetString(body[..Math.Min(body.Length, MaxSnippetSourceBytes)]), sensitive),
        };
    }

    /// <summary>What the request itself carried that must not come back in an exception (a server may echo it in an error).</summary>
    private static IReadOnlyList<string> PersonalValuesOf(ApiRequest request)
    {
        if (request.Content is not ByteArrayContent { Headers.ContentType.MediaType: "application/json" } json)
        {
            return [];
        }

        using var stream = json.ReadAsStream();
        using var body = new MemoryStream();
        stream.CopyTo(body);
        return Redactor.PersonalValues(body.GetBuffer().AsSpan(0, (int)body.Length));
    }

    private RateLimiting.RateLimitInfo? RateLimitOf(HttpResponseMessage response) =>
        protocol.ParseRateLimit(response, timeProvider.GetUtcNow());

    /// <summary>An earlier attempt may have gone through, and this answer says it did (see <see cref="ApiRequest.DoneByEarlierAttempt"/>).</summary>
    private static bool IsDoneByEarlierAttempt(ApiRequest request, RequestState state, HttpStatusCode status) =>
        state.MayHaveBeenProcessed && request.DoneByEarlierAttempt.Contains(status);

    private static bool IsRedirect(HttpStatusCode status) => (int)status is >= 300 and < 400;

    private static bool IsNetworkFailure(Exception exception) =>
        FailureClassifier.IsTransportFailure(exception) || exception is OperationCanceledException;

    private Uri BuildUri(ApiRequest request) =>
        new(baseAddress, request.Query.Length == 0 ? request.Path : request.Path + "?" + request.Query);

    private string PathOf(ApiRequest request) => PathOf(request.Path);

    /// <summary>A path relative to the base address, from the host on: what logs and exceptions name.</summary>
    public string PathOf(string relativePath) => baseAddress.AbsolutePath + relativePath;
}
