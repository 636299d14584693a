using CallLogClient.Diagnostics;
using CallLogClient.RateLimiting;
using Microsoft.Extensions.Logging;
using Polly;

namespace CallLogClient.Http;

/// <summary>
/// Spends a call's cost from the client-side budget before each attempt. Sits between the retry and the per-attempt
/// timeout, so every attempt pays and waiting for budget never counts as a slow attempt.
/// </summary>
/// <remarks>
/// Hand-written: Polly's rate-limiter strategy gives its lease back when the attempt ends, while a spend here holds its
/// tokens for a whole window after the attempt (the providers count requests per rolling window, not in flight).
/// </remarks>
internal sealed class BudgetStrategy(ClientBudget budget, Func<ResilienceContext, RequestState> stateOf, CallLogProvider provider, ILogger logger)
    : ResilienceStrategy<HttpResponseMessage>
{
    protected override async ValueTask<Outcome<HttpResponseMessage>> ExecuteCore<TState>(
        Func<ResilienceContext, TState, ValueTask<Outcome<HttpResponseMessage>>> callback, ResilienceContext context, TState state)
    {
        var call = stateOf(context);
        try
        {
            var spendTask = budget.SpendAsync(call.Request.Cost, context.CancellationToken);
            long? waitStarted = null;
            if (!spendTask.IsCompleted)
            {
                Log.WaitingForBudget(logger, provider, call.Method, call.Path, call.Request.Cost);
                waitStarted = call.Request.Telemetry?.Timestamp();
            }

            try
            {
                await spendTask.ConfigureAwait(false);
            }
            finally
            {
                if (waitStarted is { } since)
                {
                    call.Request.Telemetry!.BudgetWaited(since);
                }
            }
        }
        catch (OperationCanceledException exception)
        {
            return Outcome.FromException<HttpResponseMessage>(exception);
        }

        return await callback(context, state).ConfigureAwait(false);
    }
}
