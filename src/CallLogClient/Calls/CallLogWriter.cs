using System.Collections.Concurrent;
using CallLogClient.Calls.Close;
using CallLogClient.Calls.Pipedrive;
using CallLogClient.Close;
using CallLogClient.Close.Outcomes;
using CallLogClient.Diagnostics;
using CallLogClient.Errors;
using CallLogClient.Http;
using CallLogClient.Pipedrive;

namespace CallLogClient.Calls;

/// <summary>
/// The <see cref="ICallLogWriter"/> over either provider's client. Thread-safe; keep one per client. Built by
/// <c>services.AddCallLogWriter(...)</c>, or by <see cref="ForPipedrive"/> / <see cref="ForClose"/> without dependency
/// injection.
/// </summary>
public sealed class CallLogWriter : ICallLogWriter
{
    private readonly ICallStore store;
    private readonly CallLogWriterOptions options;
    private readonly CallTelemetry telemetry;

    /// <summary>Keys whose create ended with its outcome unknown in this writer: the next write of the key looks first.</summary>
    private readonly ConcurrentDictionary<string, Unsettled> unsettled = new(StringComparer.Ordinal);

    private CallLogWriter(ICallStore store, CallLogWriterOptions options, CallTelemetry telemetry)
    {
        this.store = store;
        this.options = options;
        this.telemetry = telemetry;
    }

    /// <inheritdoc/>
    public CallLogProvider Provider => store.Provider;

    /// <summary>A writer over a Pipedrive client.</summary>
    /// <param name="client">The Pipedrive Call Logs client.</param>
    /// <param name="options">The writer's settings (its <see cref="CallLogWriterOptions.Provider"/> is not used); the defaults when <see langword="null"/>.</param>
    /// <returns>The writer.</returns>
    public static CallLogWriter ForPipedrive(IPipedriveCallLogsClient client, CallLogWriterOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        options ??= new CallLogWriterOptions();
        options.Validate();
        var telemetry = (client as PipedriveCallLogsClient)?.Telemetry ?? CallTelemetry.Shared;
        return new CallLogWriter(new PipedriveCallStore(client, options), options, telemetry);
    }

    /// <summary>A writer over a Close client.</summary>
    /// <param name="client">The Close Call activities client.</param>
    /// <param name="outcomes">Resolves custom outcome names on reads; names stay unresolved when <see langword="null"/>.</param>
    /// <param name="options">The writer's settings (its <see cref="CallLogWriterOptions.Provider"/> is not used); the defaults when <see langword="null"/>.</param>
    /// <returns>The writer.</returns>
    public static CallLogWriter ForClose(ICloseCallActivitiesClient client, ICloseOutcomesClient? outcomes = null, CallLogWriterOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        options ??= new CallLogWriterOptions();
        options.Validate();
        var telemetry = (client as CloseCallActivitiesClient)?.Telemetry ?? CallTelemetry.Shared;
        return new CallLogWriter(new CloseCallStore(client, outcomes, options), options, telemetry);
    }

    /// <inheritdoc/>
    public Task<CallLogResult> LogCallAsync(CallRecord record, CancellationToken cancellationToken = default)
    {
        var call = Prepare(record, callKey: null);
        return MeasuredAsync(
            "log_call", (Call: call, Token: cancellationToken), static (writer, args, scope) => writer.WriteAsync(args.Call, scope, args.Token));
    }

    /// <inheritdoc/>
    public Task<CallLogResult> LogCallOnceAsync(CallRecord record, string callKey, CancellationToken cancellationToken = default)
    {
        CallKey.Validate(callKey);
        var call = Prepare(record, callKey);
        return MeasuredAsync(
            "log_call_once",
            (Call: call, Key: callKey, Token: cancellationToken),
            static (writer, args, scope) => writer.WriteOnceAsync(args.Call, args.Key, scope, args.Token));
    }

    /// <inheritdoc/>
    public Task AttachRecordingAsync(string id, CallRecording recording, CancellationToken cancellationToken = default)
    {
        PathSegment.Validate(id);
        ArgumentNullException.ThrowIfNull(recording);
        return store.AttachRecordingAsync(id, recording, cancellationToken);
    }

    /// <inheritdoc/>
    public Task DeleteAsync(string id, CancellationToken cancellationToken = default) => store.DeleteAsync(id, cancellationToken);

    /// <inheritdoc/>
    public IAsyncEnumerable<CallRecord> ReadCallsAsync(DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken = default)
    {
        if (until <= since)
        {
            throw new ArgumentException("until must be after since.", nameof(until));
        }

        return store.ReadAsync(since, until, cancellationToken);
    }

    /// <summary>
    /// Runs one of the writer's calls inside its span and duration (see <see cref="WriterScope"/>); when nothing listens,
    /// runs it as it is.
    /// </summary>
    private Task<CallLogResult> MeasuredAsync<TArgs>(
        string operation, TArgs args, Func<CallLogWriter, TArgs, WriterScope?, Task<CallLogResult>> write)
    {
        var scope = telemetry.BeginWrite(Provider, operation, options.TimeProvider);
        return scope is null ? write(this, args, null) : MeasuredAsync(scope, args, write);
    }

    private async Task<CallLogResult> MeasuredAsync<TArgs>(
        WriterScope scope, TArgs args, Func<CallLogWriter, TArgs, WriterScope?, Task<CallLogResult>> write)
    {
        using (scope)
        {
            try
            {
                var result = await write(this, args, scope).ConfigureAwait(false);
                scope.Written(result);
                return result;
            }
            catch (Exception exception)
            {
                scope.Fail(exception);
                throw;
            }
        }
    }

    private async Task<CallLogResult> WriteAsync(PreparedCall call, WriterScope? scope, CancellationToken cancellationToken)
    {
        scope?.CreateSent(attempt: 1);
        string id;
        try
        {
            id = await store.CreateAsync(call, cancellationToken).ConfigureAwait(false);
        }
        catch (CallLogOutcomeUnknownException)
        {
            scope?.CreateOutcomeUnknown();
            throw;
        }

        await store.CompleteAsync(id, call, found: null, cancellationToken).ConfigureAwait(false);
        return new CallLogResult(Provider, id, CallLogStatus.Created, call.NotStored, createAttempts: 1);
    }

    private async Task<CallLogResult> WriteOnceAsync(PreparedCall call, string callKey, WriterScope? scope, CancellationToken cancellationToken)
    {
        unsettled.TryGetValue(callKey, out var earlier);
        var since = Earliest(earlier?.SentAt, call.Record.Start!.Value);
        var lookFirst = options.LookUpBeforeCreate || earlier is not null;
        var creates = 0;
        var looked = false;
        while (true)
        {
            if (lookFirst)
            {
                var found = await LookUpAsync(call, callKey, since, cancellationToken).ConfigureAwait(false);
                scope?.LookedUp(found is not null);
                looked = true;
                if (found is not null)
                {
                    await CompleteAsync(found.Id, call, found, callKey, since, cancellationToken).ConfigureAwait(false);
                    return new CallLogResult(Provider, found.Id, CallLogStatus.AlreadyExisted, call.NotStored, creates);
                }

                if (creates >= options.MaxCreateAttempts)
                {
                    throw unsettled[callKey].Exception;
                }
            }

            string id;
            try
            {
                creates++;
                scope?.CreateSent(creates);
                id = await store.CreateAsync(call, cancellationToken).ConfigureAwait(false);
            }
            catch (CallLogOutcomeUnknownException exception)
            {
                since = Earliest(since, exception.SentAt);
                unsettled[callKey] = new Unsettled(since, exception);
                scope?.CreateOutcomeUnknown();
                lookFirst = true;
                continue;
            }
            catch (OperationCanceledException exception) when (cancellationToken.IsCancellationRequested)
            {
                // The create may have left before the cancellation: the next write of this key looks first.
                unsettled[callKey] = new Unsettled(since, Cancelled(call, since, exception));
                throw;
            }

            await CompleteAsync(id, call, found: null, callKey, since, cancellationToken).ConfigureAwait(false);
            return new CallLogResult(Provider, id, looked ? CallLogStatus.CreatedAfterLookup : CallLogStatus.Created, call.NotStored, creates);
        }
    }

    private PreparedCall Prepare(CallRecord record, string? callKey)
    {
        ArgumentNullException.ThrowIfNull(record);
        var call = store.Prepare(record, callKey);
        if (options.RejectUnstorableFields && call.NotStored.FirstOrDefault() is { } first)
        {
            throw new CallLogNotSupportedException(Provider, first.Field, $"{Provider} cannot store {first}");
        }

        return call;
    }

    /// <summary>
    /// The one call log the lookup matched, or <see langword="null"/> when it matched none; anything else (a failed
    /// lookup, two matches) is an outcome-unknown exception when a create may have been sent, else the lookup's failure.
    /// </summary>
    private async Task<FoundCall?> LookUpAsync(PreparedCall call, string callKey, DateTimeOffset since, CancellationToken cancellationToken)
    {
        IReadOnlyList<FoundCall> matches;
        try
        {
            matches = await store.FindAsync(call, callKey, since, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is CallLogApiException or CallLookupException && unsettled.ContainsKey(callKey))
        {
            throw Undecided(callKey, $"the lookup failed ({exception.Message})", exception);
        }
        catch (CallLookupException exception)
        {
            throw new InvalidOperationException("The call could not be looked up: " + exception.Message, exception);
        }

        if (matches.Count < 2)
        {
            return matches.Count == 0 ? null : matches[0];
        }

        var why = $"the lookup found {matches.Count} call logs with this call key, number and times";
        throw unsettled.ContainsKey(callKey)
            ? Undecided(callKey, why, inner: null)
            : new InvalidOperationException($"The call cannot be logged once: {why}, so it is already logged more than once.");
    }

    private async Task CompleteAsync(
        string id, PreparedCall call, FoundCall? found, string callKey, DateTimeOffset since, CancellationToken cancellationToken)
    {
        unsettled.TryRemove(callKey, out _);
        try
        {
            await store.CompleteAsync(id, call, found, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException exception) when (cancellationToken.IsCancellationRequested)
        {
            unsettled[callKey] = new Unsettled(since, Cancelled(call, since, exception));
            throw;
        }
    }

    private CallLogOutcomeUnknownException Undecided(string callKey, string why, Exception? inner)
    {
        var earlier = unsettled[callKey].Exception;
        var details = earlier.Details with
        {
            ErrorMessage = $"{earlier.Details.ErrorMessage}; then {why}, so the writer cannot tell whether the call log exists",
        };
        return new CallLogOutcomeUnknownException(details, earlier.Request, earlier.SentAt, inner ?? earlier);
    }

    private CallLogOutcomeUnknownException Cancelled(PreparedCall call, DateTimeOffset since, Exception cause) =>
        new(
            new CallLogErrorDetails
            {
                Provider = Provider,
                Method = "POST",
                RequestPath = Provider == CallLogProvider.Pipedrive ? "/callLogs" : "/activity/call/",
                ErrorMessage = "the create was cancelled after it may have been sent",
            },
            call.Request,
            since,
            cause);

    private static DateTimeOffset Earliest(DateTimeOffset? left, DateTimeOffset right) => left is { } l && l < right ? l : right;

    private sealed record Unsettled(DateTimeOffset SentAt, CallLogOutcomeUnknownException Exception);
}
