using System.Collections.Concurrent;
using CallLogClient.Errors;
using Microsoft.Extensions.Logging;

namespace CallLogClient.Tests.Support;

/// <summary>
/// Everything a test's clients wrote to their logs (at Trace, scopes and state included) and every exception they
/// threw, so that tests can assert on it and search it for secrets.
/// </summary>
public sealed class ClientOutput : ILoggerProvider
{
    private readonly ConcurrentQueue<CapturedLog> logs = new();
    private readonly ConcurrentQueue<Exception> exceptions = new();

    public ClientOutput() =>
        LoggerFactory = Microsoft.Extensions.Logging.LoggerFactory.Create(builder => builder.SetMinimumLevel(LogLevel.Trace).AddProvider(this));

    /// <summary>A factory whose loggers write here, at every level.</summary>
    public ILoggerFactory LoggerFactory { get; }

    public IReadOnlyList<CapturedLog> Logs => [.. logs];

    public IReadOnlyList<Exception> Exceptions => [.. exceptions];

    /// <summary>Awaits <paramref name="call"/>, records what it throws and checks it is exactly <typeparamref name="T"/>.</summary>
    public async Task<T> ThrowsAsync<T>(Task call) where T : Exception
    {
        try
        {
            await call;
        }
        catch (Exception exception)
        {
            exceptions.Enqueue(exception);
            return Assert.IsType<T>(exception);
        }

        throw new Xunit.Sdk.XunitException($"Expected {typeof(T).Name}, but the call succeeded.");
    }

    /// <summary>Records an exception the test caught by other means.</summary>
    public void Record(Exception exception) => exceptions.Enqueue(exception);

    /// <summary>Every text the client produced, each with where it came from.</summary>
    public IEnumerable<(string Where, string Text)> AllTexts()
    {
        foreach (var log in logs)
        {
            yield return ($"log {log.Category} {log.Level}", log.Message);
            foreach (var value in log.Values)
            {
                yield return ($"log value {log.Category}", value);
            }

            foreach (var text in log.Exception is null ? [] : ExceptionTexts(log.Exception))
            {
                yield return ($"log exception {log.Category}", text);
            }
        }

        foreach (var exception in exceptions)
        {
            foreach (var text in ExceptionTexts(exception))
            {
                yield return ($"exception {exception.GetType().Name}", text);
            }
        }
    }

    /// <summary>
    /// Fails when a credential appears anywhere in the output, or personal data (phone numbers, notes) anywhere in an
    /// exception: message, ToString(), details, body snippet.
    /// </summary>
    public void AssertNoSecrets()
    {
        SecretScan.AssertAbsent(AllTexts(), TestSecrets.Credentials);
        SecretScan.AssertAbsent(
            exceptions.SelectMany(e => ExceptionTexts(e).Select(text => ($"exception {e.GetType().Name}", text))), TestSecrets.PersonalData);
    }

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(this, categoryName);

    public void Dispose()
    {
    }

    private static IEnumerable<Exception> Chain(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            yield return current;
        }
    }

    private static IEnumerable<string> ExceptionTexts(Exception exception)
    {
        yield return exception.ToString();
        foreach (var inner in Chain(exception))
        {
            yield return inner.Message;
            foreach (var property in inner.GetType().GetProperties())
            {
                if (property.GetIndexParameters().Length == 0 && property.Name is not nameof(Exception.TargetSite)
                    && property.GetValue(inner) is { } value and not Exception)
                {
                    yield return value.ToString() ?? "";
                }
            }

            if (inner is CallLogApiException api)
            {
                yield return api.Details.ToString();
                yield return api.Details.ResponseSnippet ?? "";
                foreach (var (field, message) in api.FieldErrors)
                {
                    yield return field + ": " + message;
                }
            }
        }
    }

    private void Add(CapturedLog log) => logs.Enqueue(log);

    private sealed class CapturingLogger(ClientOutput output, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull
        {
            output.Add(new CapturedLog(category, LogLevel.None, default, "scope: " + state, Values(state), Exception: null));
            return null;
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = Values(state);
            if (exception is not null)
            {
                values.AddRange(ExceptionTexts(exception));
            }

            output.Add(new CapturedLog(category, logLevel, eventId, formatter(state, exception), values, exception));
        }

        private static List<string> Values<TState>(TState state) =>
            state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? pairs.Select(p => $"{p.Key}={p.Value}").ToList()
                : [];
    }
}

/// <summary>One log call as the client made it.</summary>
public sealed record CapturedLog(string Category, LogLevel Level, EventId EventId, string Message, List<string> Values, Exception? Exception);
