using System.Net;
using CallLogClient.Http;
using Microsoft.Extensions.Logging;

namespace CallLogClient.Diagnostics;

/// <summary>
/// Every log line the client writes. Only the method, the path (ids, never a query string or a credential), status
/// codes, counts, timings and the kind of a failure are logged; bodies, headers and exception texts never are.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Debug, "{Provider} {Method} {Path}: sending attempt {Attempt}")]
    public static partial void SendingAttempt(ILogger logger, CallLogProvider provider, string method, string path, int attempt);

    [LoggerMessage(2, LogLevel.Debug, "{Provider} {Method} {Path}: {StatusCode} after {ElapsedMilliseconds} ms (request id {RequestId})")]
    public static partial void ResponseReceived(
        ILogger logger, CallLogProvider provider, string method, string path, int statusCode, long elapsedMilliseconds, string? requestId);

    [LoggerMessage(3, LogLevel.Information, "{Provider} {Method} {Path}: attempt {Attempt} failed ({Failure}); retrying in {DelayMilliseconds} ms")]
    public static partial void RetryScheduled(
        ILogger logger, CallLogProvider provider, string method, string path, int attempt, string failure, long delayMilliseconds);

    [LoggerMessage(4, LogLevel.Warning, "{Provider} {Method} {Path} failed after {Attempts} attempt(s): {Failure}")]
    public static partial void CallFailed(
        ILogger logger, CallLogProvider provider, string method, string path, int attempts, string failure);

    [LoggerMessage(5, LogLevel.Debug, "{Provider} {Method} {Path}: waiting for {Cost} token(s) of the client-side request budget")]
    public static partial void WaitingForBudget(ILogger logger, CallLogProvider provider, string method, string path, int cost);

    [LoggerMessage(6, LogLevel.Information,
        "{Provider} {Method} {Path}: the server asked to wait {DelayMilliseconds} ms, {Reason}; not waiting")]
    public static partial void ServerDelayRefused(
        ILogger logger, CallLogProvider provider, string method, string path, long delayMilliseconds, string reason);

    [LoggerMessage(7, LogLevel.Debug, "{Provider} {Method} {Path}: attempt {Attempt} failed ({Failure})")]
    public static partial void AttemptFailed(ILogger logger, CallLogProvider provider, string method, string path, int attempt, string failure);

    [LoggerMessage(8, LogLevel.Information, "{Provider} {Method} {Path}: the access token was refused (HTTP 401); refreshed it, sending attempt {Attempt}")]
    public static partial void TokenRefreshed(ILogger logger, CallLogProvider provider, string method, string path, int attempt);

    [LoggerMessage(9, LogLevel.Warning, "{Provider} {Method} {Path}: the access token was refused (HTTP 401) and refreshing it failed ({ExceptionType})")]
    public static partial void TokenRefreshFailed(ILogger logger, CallLogProvider provider, string method, string path, string exceptionType);

    public static string Describe(HttpStatusCode status) => $"HTTP {(int)status}";

    public static string Describe(Exception exception) => FailureClassifier.Describe(exception);
}
