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
/// The one send path of every public call: sends the request through the provider's Refit method (and so the handler
/// chain), classifies the response and turns every failure into a typed exception. Knows nothing of a provider beyond
/// its protocol.
/// </summary>
internal sealed class RequestExecutor(IProviderProtocol protocol, TimeProvider timeProvider, ILogger logger, CallTelemetry telemetry)
{
    private const int MaxErrorBodyBytes = 64 * 1024;

    /// <summary>How much of a body is decoded and masked for a snippet: enough for its first 512 characters after masking.</summary>
    private const int MaxSnippetSourceBytes = 16 * 1024;

    /// <summary>Where the calls' spans and measurements go: a container's meter, or the shared one.</summary>
    public CallTelemetry Telemetry => telemetry;

    /// <summary>
    /// Makes the public call <paramref name="request"/> describes: reads its JSON body as <typeparamref name="T"/>, then
    /// <paramref name="finish"/> checks it and makes the caller's answer from it and <paramref name="args"/>.
    /// </summary>
    public Task<TAnswer> CallAsync<T, TArgs, TAnswer>(
        ApiRequest request,
        JsonTypeInfo<T> bodyType,
        TArgs args,
        Func<ApiResponse<T>, TArgs, TAnswer> finish,
        CancellationToken cancellationToken) =>
        CallAsync(
            request,
            bodyType,
            static (executor, body, response, state, bodyType) => executor.Deserialize(body.Span, bodyType, response, state),
            args,
            finish,
            cancellationToken);

    /// <summary>Like the other overload, for calls whose success body carries nothing to read: the body stays raw.</summary>
    public Task<TAnswer> CallAsync<TArgs, TAnswer>(
        ApiRequest request,
        TArgs args,
        Func<ApiResponse<ReadOnlyMemory<byte>>, TArgs, TAnswer> finish,
        CancellationToken cancellationToken) =>
        CallAsync(request, (object?)null, static (_, body, _, _, _) => body, args, finish, cancellationToken);

    private static ApiResponse<T> Answered<T>(ApiResponse<T> response)
    {
        response.Call.Request.Telemetry?.Answered(response.StatusCode, response.RequestId, response.Attempts, response.RateLimit);
        return response;
    }

    /// <summary>The details of a response that was a success on the wire but not in substance (Pipedrive success:false).</summary>
    public CallLogErrorDetails DescribeUnsuccessful<T>(ApiResponse<T> response, string? errorMessage, string? errorCode) =>
        new()
        {
            Provider = protocol.Provider,
            Method = response.Call.Method,
            RequestPath = response.Call.Path,
            StatusCode = response.StatusCode,
            ErrorMessage = Redactor.Mask(errorMessage, [.. PersonalValuesOf(response.Call), .. response.Call.Secrets]),
            ErrorCode = errorCode,
            RequestId = response.RequestId,
            RateLimit = response.RateLimit,
            Attempts = response.Attempts,
        };

    /// <summary>How a successful response's body becomes the call's value.</summary>
    private delegate T BodyRead<T, TRead>(
        RequestExecutor executor, ReadOnlyMemory<byte> body, HttpResponseMessage response, RequestState state, TRead readState);

    /// <summary>
    /// The one send path, and the one place a public call waits: begins its span and measurements (current during the
    /// attempts), sends through the provider's Refit method, turns every failure into a typed exception, reads a
    /// successful body with <paramref name="read"/> and hands it to <paramref name="finish"/>.
    /// </summary>
    private async Task<TAnswer> CallAsync<T, TRead, TArgs, TAnswer>(
        ApiRequest request,
        TRead readState,
        BodyRead<T, TRead> read,
        TArgs args,
        Func<ApiResponse<T>, TArgs, TAnswer> finish,
        CancellationToken cancellationToken)
    {
        using var call = request.Telemetry = telemetry.Begin(request.Operation, timeProvider);
        var state = new RequestState { Request = request };
        try
        {
            HttpResponseMessage response;
            try
            {
                response = await request.Send(state, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception exception) when (cancellationToken.IsCancellationRequested && IsNetworkFailure(exception))
            {
                throw new OperationCanceledException("The call was cancelled.", exception, cancellationToken);
            }
            catch (Exception exception) when (exception is UnusableCredentialException || IsNetworkFailure(exception))
            {
                throw SendFailure(exception, state);
            }

            return finish(Read(response, state, readState, read), args);
        }
        catch (Exception exception)
        {
            call?.Fail(exception);
            throw;
        }
        finally
        {
            state.ReleaseBody(); // everything made from the body (the value, an exception's text) holds its own copy
        }
    }

    /// <summary>A call that got no response to read, as the caller's exception.</summary>
    private CallLogApiException SendFailure(Exception exception, RequestState state)
    {
        if (exception is UnusableCredentialException)
        {
            var refused = Describe(state, response: null, new ProviderError(exception.Message), body: default) with
            {
                Attempts = state.Attempts - 1,
            };
            Log.CallFailed(logger, protocol.Provider, state.Method, state.Path, state.Attempts - 1, exception.Message);
            return new CallLogAuthenticationException(refused);
        }

        var failure = DescribeTransportFailure(exception, state);
        var details = Describe(state, response: null, new ProviderError(failure), body: default);
        Log.CallFailed(logger, protocol.Provider, state.Method, state.Path, state.Attempts, failure);
        var cause = exception is TimeoutRejectedException ? new TimeoutException(failure) : exception; // no Polly type reaches callers
        return ExceptionFactory.FromTransportFailure(details, state, cause);
    }

    /// <summary>The call's final response, read with <paramref name="read"/> when it is a success, else its typed exception thrown.</summary>
    private ApiResponse<T> Read<T, TRead>(HttpResponseMessage response, RequestState state, TRead readState, BodyRead<T, TRead> read)
    {
        using (response)
        {
            var body = state.Body;
            if (response.IsSuccessStatusCode && state.BodyProblem is { } problem)
            {
                var details = Describe(state, response, new ProviderError(problem + CreatedAdvice(state.Request)), body.Span);
                Log.CallFailed(logger, protocol.Provider, state.Method, state.Path, state.Attempts, problem);
                throw new CallLogResponseFormatException(details);
            }

            if (!response.IsSuccessStatusCode && !IsDoneByEarlierAttempt(state.Request, state, response.StatusCode))
            {
                throw FailureFromResponse(state, response);
            }

            var value = read(this, body, response, state, readState);
            return Answered(new ApiResponse<T>(
                value, response.StatusCode, ResponseHeaders.RequestId(response, state.Secrets), RateLimitOf(response), state));
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

    private CallLogApiException FailureFromResponse(RequestState state, HttpResponseMessage response)
    {
        var body = state.Body.Span;
        var head = body[..Math.Min(body.Length, MaxErrorBodyBytes)];
        var redirectHost = IsRedirect(response.StatusCode) ? ResponseHeaders.RedirectHost(response, state.Secrets) : null;
        var details = Describe(state, response, protocol.ParseError(head, response.Content.Headers.ContentType?.MediaType), head);
        if (IsRedirect(response.StatusCode))
        {
            // Set after masking: a host such as 10.0.0.12 would otherwise be masked as a phone number.
            details = details with
            {
                ErrorMessage = $"the server redirected to {redirectHost ?? "no Location"}; the client follows no redirect, so nothing was sent there",
            };
        }

        Log.CallFailed(logger, protocol.Provider, state.Method, state.Path, state.Attempts, Log.Describe(response.StatusCode));
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

        var details = Describe(state, response, new ProviderError(problem + CreatedAdvice(state.Request)), body);
        throw new CallLogResponseFormatException(details, failure);
    }

    /// <summary>
    /// For a create answered with success but an unreadable body: the record most likely exists, and creating it again
    /// would duplicate it. Empty for every other request.
    /// </summary>
    public static string CreatedAdvice(ApiRequest request) => request.Replay == ReplayPolicy.CreateOnce
        ? " The server answered with success, so it was most likely created: look it up before creating it again."
        : "";

    private CallLogErrorDetails Describe(RequestState state, HttpResponseMessage? response, ProviderError error, ReadOnlySpan<byte> body)
    {
        IReadOnlyList<string> sensitive = [.. PersonalValuesOf(state), .. state.Secrets];
        return new()
        {
            Provider = protocol.Provider,
            Method = state.Method,
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
    private static IReadOnlyList<string> PersonalValuesOf(RequestState state) =>
        state.SentJson.IsEmpty ? [] : Redactor.PersonalValues(state.SentJson.Span);

    private RateLimiting.RateLimitInfo? RateLimitOf(HttpResponseMessage response) =>
        protocol.ParseRateLimit(response, timeProvider.GetUtcNow());

    /// <summary>An earlier attempt may have gone through, and this answer says it did (see <see cref="ApiRequest.DoneByEarlierAttempt"/>).</summary>
    private static bool IsDoneByEarlierAttempt(ApiRequest request, RequestState state, HttpStatusCode status) =>
        state.MayHaveBeenProcessed && request.DoneByEarlierAttempt.Contains(status);

    private static bool IsRedirect(HttpStatusCode status) => (int)status is >= 300 and < 400;

    private static bool IsNetworkFailure(Exception exception) =>
        FailureClassifier.IsTransportFailure(exception) || exception is OperationCanceledException;
}
