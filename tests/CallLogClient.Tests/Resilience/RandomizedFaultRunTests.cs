using System.Collections.Concurrent;
using CallLogClient.Errors;
using CallLogClient.Pipedrive;
using CallLogClient.Tests.Support;
using CallLogClient.Tests.WireMock;
using static CallLogClient.Tests.Resilience.PipedriveStubs;

namespace CallLogClient.Tests.Resilience;

/// <summary>
/// A seeded run of a few hundred concurrent calls, each answered by its own scripted mix of faults, delays, 429s and
/// 5xx. Every call must end as its script predicts (success or the right typed exception, after the right number of
/// attempts and requests), and the fault host's log must show no create re-sent after an answer that may have followed processing.
/// </summary>
public sealed class RandomizedFaultRunTests(WireMockFixture wireMock) : WireTest(wireMock)
{
    private const int Seed = 20_300_101;
    private const int Calls = 300;
    private const int MaxRetries = 2;

    /// <summary>SocketsHttpHandler re-sends a body-less request up to this many times when the server closes without a byte.</summary>
    private const int TransportResends = 3;

    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(2);

    private enum Step
    {
        Ok,
        SlowOk,
        RateLimited,
        RateLimitedBriefly,
        RateLimitedForAnHour,
        Unavailable,
        ServerError,
        Reset,
        Empty,
        Malformed,
        RandomData,
        TooSlow,
        Missing,
    }

    private enum Kind
    {
        Get,
        List,
        Create,
        Delete,
    }

    [Fact]
    public async Task Every_call_ends_as_its_script_predicts_and_no_create_is_sent_twice_after_it_may_have_been_processed()
    {
        var random = new Random(Seed);
        var calls = Enumerable.Range(0, Calls).Select(i => Script(i, random)).ToList();
        var answered = new ConcurrentQueue<(Call Call, Step Step)>();
        var host = FaultHost(ScriptedAnswers(calls, answered));
        var client = PipedriveAt(host, o =>
        {
            o.TimeProvider = TimeProvider.System;
            o.Retry = new RetryOptions
            {
                MaxRetries = MaxRetries,
                BaseDelay = TimeSpan.FromMilliseconds(1),
                MaxDelay = TimeSpan.FromMilliseconds(5),
                AttemptTimeout = AttemptTimeout,
                OverallTimeout = TimeSpan.FromMinutes(1),
            };
        });

        using var parallel = new SemaphoreSlim(8);
        var outcomes = await Task.WhenAll(calls.Select(async call =>
        {
            await parallel.WaitAsync();
            try
            {
                return await RunAsync(client, call);
            }
            finally
            {
                parallel.Release();
            }
        }));

        var journal = answered.ToList();
        var mismatches = new List<string>();
        foreach (var (call, outcome) in calls.Zip(outcomes))
        {
            var expected = Predict(call);
            var requests = journal.Count(entry => entry.Call == call);
            var actual = (outcome.Type, outcome.Attempts, requests);
            if (actual != (expected.Type, expected.Attempts, expected.Requests))
            {
                mismatches.Add($"#{call.Index} {call.Kind} [{string.Join(", ", call.Steps)}]: expected {expected}, got {actual} {outcome.Detail}");
            }
        }

        Assert.True(mismatches.Count == 0, $"{mismatches.Count} of {Calls} calls ended otherwise than scripted:\n" + string.Join("\n", mismatches));
        Assert.All(outcomes, o => Assert.True(o.Typed, $"{o.Type}: {o.Detail}"));
        AssertNoCreateResentAfterPossibleProcessing(journal, calls.Where(c => c.Kind == Kind.Create));
        Assert.Contains(outcomes, o => o.Type == "success");
        Assert.Contains(outcomes, o => o.Type == Name<CallLogOutcomeUnknownException>());
        Assert.Contains(outcomes, o => o.Type == Name<CallLogTransportException>());
        Assert.Contains(outcomes, o => o.Type == Name<CallLogRateLimitException>());
    }

    private static void AssertNoCreateResentAfterPossibleProcessing(IReadOnlyList<(Call Call, Step Step)> journal, IEnumerable<Call> creates)
    {
        foreach (var create in creates)
        {
            // In arrival order: every answer but the last must be a 429, the one answer that proves nothing was created.
            var answers = journal.Where(entry => entry.Call == create).Select(entry => entry.Step).ToList();
            foreach (var answer in answers.SkipLast(1))
            {
                Assert.True(
                    answer is Step.RateLimited or Step.RateLimitedBriefly or Step.RateLimitedForAnHour,
                    $"create #{create.Index} was sent again after {answer}");
            }
        }
    }

    private static Call Script(int index, Random random)
    {
        var kind = (Kind)random.Next(4);
        var length = random.Next(1, 4);
        var steps = new List<Step>();
        for (var i = 0; i < length; i++)
        {
            var last = i == length - 1;
            steps.Add(last && random.NextDouble() < 0.6 ? (random.NextDouble() < 0.1 ? Step.SlowOk : Step.Ok) : Failure(kind, random));
        }

        return new Call(index, kind, steps);
    }

    private static Step Failure(Kind kind, Random random)
    {
        var roll = random.Next(100);
        return roll switch
        {
            < 14 => Step.RateLimited,
            < 20 => Step.RateLimitedBriefly,
            < 23 => Step.RateLimitedForAnHour,
            < 35 => Step.Unavailable,
            < 42 => Step.ServerError,
            < 54 => Step.Reset,
            < 66 => Step.Empty,
            < 77 => Step.Malformed,
            < 88 => Step.RandomData,
            < 91 => Step.TooSlow,
            _ => kind is Kind.Get or Kind.Delete ? Step.Missing : Step.Unavailable,
        };
    }

    /// <summary>What the client must make of a script: the outcome type, its attempts, and the requests the server sees.</summary>
    private static (string Type, int Attempts, int Requests) Predict(Call call)
    {
        var createOnce = call.Kind == Kind.Create;
        var bodyless = call.Kind is Kind.Get or Kind.List; // the only requests the transport itself re-sends
        var requests = 0;
        var mayHaveBeenProcessed = false;
        for (var attempt = 1; ; attempt++)
        {
            var step = call.StepFor(++requests);
            for (var resends = 0; bodyless && step == Step.Empty && resends < TransportResends; resends++)
            {
                step = call.StepFor(++requests);
            }

            var canRetry = attempt <= MaxRetries;
            switch (step)
            {
                case Step.Ok or Step.SlowOk:
                    return ("success", attempt, requests);
                case Step.Missing when call.Kind == Kind.Delete && mayHaveBeenProcessed:
                    return ("success", attempt, requests);
                case Step.Missing:
                    return (Name<CallLogNotFoundException>(), attempt, requests);
                case Step.RateLimitedForAnHour:
                    return (Name<CallLogRateLimitException>(), attempt, requests);
                case Step.RateLimited or Step.RateLimitedBriefly:
                    if (!canRetry)
                    {
                        return (Name<CallLogRateLimitException>(), attempt, requests);
                    }

                    continue;
                case Step.Unavailable or Step.ServerError:
                    mayHaveBeenProcessed = true;
                    if (createOnce)
                    {
                        return (Name<CallLogOutcomeUnknownException>(), attempt, requests);
                    }

                    if (!canRetry)
                    {
                        return (Name<CallLogServiceUnavailableException>(), attempt, requests);
                    }

                    continue;
                default: // a transport fault or an attempt timeout
                    mayHaveBeenProcessed = true;
                    if (createOnce)
                    {
                        return (Name<CallLogOutcomeUnknownException>(), attempt, requests);
                    }

                    if (!canRetry)
                    {
                        return (Name<CallLogTransportException>(), attempt, requests);
                    }

                    continue;
            }
        }
    }

    /// <summary>Runs one call; <c>Typed</c> is false for anything but a success or a <see cref="CallLogApiException"/>.</summary>
    private static async Task<(string Type, int Attempts, string Detail, bool Typed)> RunAsync(PipedriveCallLogsClient client, Call call)
    {
        try
        {
            CallLogResponse response = call.Kind switch
            {
                Kind.Get => await client.GetWithResponseAsync(call.Id),
                Kind.List => await client.ListPageWithResponseAsync(start: call.Index),
                Kind.Create => await client.CreateWithResponseAsync(CreateRequest(call.Id)),
                _ => await client.DeleteWithResponseAsync(call.Id),
            };
            return ("success", response.Attempts, "", true);
        }
        catch (CallLogApiException error)
        {
            return (error.GetType().Name, error.Attempts, error.Message, true);
        }
#pragma warning disable CA1031 // Anything else is the defect this test looks for: reported, not thrown.
        catch (Exception error)
#pragma warning restore CA1031
        {
            return (error.GetType().Name, -1, error.ToString(), false);
        }
    }

    /// <summary>
    /// Finds the call each request belongs to (by path, list start or create subject), counts its requests, and answers
    /// with the script's step for that count; records each (call, step) in arrival order.
    /// </summary>
    private static Func<RawRequest, RawConnection, Task> ScriptedAnswers(IReadOnlyList<Call> calls, ConcurrentQueue<(Call Call, Step Step)> answered)
    {
        var requestsPerCall = new ConcurrentDictionary<Call, int>();
        return async (request, connection) =>
        {
            var call = calls.Single(c => c.Matches(request));
            var step = call.StepFor(requestsPerCall.AddOrUpdate(call, 1, (_, n) => n + 1));
            answered.Enqueue((call, step));
            await AnswerAsync(connection, call, step);
        };
    }

    private static async Task AnswerAsync(RawConnection connection, Call call, Step step)
    {
        var success = call.Kind switch
        {
            Kind.List => PageBody,
            Kind.Delete => DeletedBody,
            _ => CallLogBody(call.Id),
        };
        switch (step)
        {
            case Step.Ok:
                await connection.RespondAsync(200, success);
                break;
            case Step.SlowOk:
                await Task.Delay(30);
                await connection.RespondAsync(200, success);
                break;
            case Step.RateLimited:
                await connection.RespondAsync(429, DailyBudgetBody, ("Retry-After", "0"));
                break;
            case Step.RateLimitedBriefly:
                await connection.RespondAsync(429, DailyBudgetBody, ("x-ratelimit-reset", "0.02"));
                break;
            case Step.RateLimitedForAnHour:
                await connection.RespondAsync(429, DailyBudgetBody, ("Retry-After", "3600"));
                break;
            case Step.Unavailable:
                await connection.RespondAsync(503, ServerErrorBody);
                break;
            case Step.ServerError:
                await connection.RespondAsync(500, ServerErrorBody);
                break;
            case Step.Reset:
                await connection.FailAsync(TransportFault.ResetBeforeResponse);
                break;
            case Step.Empty:
                await connection.FailAsync(TransportFault.CloseBeforeResponse);
                break;
            case Step.Malformed:
                await connection.FailAsync(TransportFault.CloseMidBody);
                break;
            case Step.RandomData:
                await connection.FailAsync(TransportFault.GarbageThenClose);
                break;
            case Step.TooSlow:
                await Task.Delay(AttemptTimeout * 2.5);
                await connection.RespondAsync(200, success);
                break;
            default:
                await connection.RespondAsync(404, NotFoundBody);
                break;
        }
    }

    private static string Name<T>() => typeof(T).Name;

    private sealed record Call(int Index, Kind Kind, IReadOnlyList<Step> Steps)
    {
        public string Id => $"{Kind.ToString()[0]}{Index}";

        /// <summary>The script's answer to the n-th request (1-based); the last answer repeats.</summary>
        public Step StepFor(int request) => Steps[Math.Min(request, Steps.Count) - 1];

        public bool Matches(RawRequest request) => Kind switch
        {
            Kind.Get => request.Method == "GET" && request.Target == CallLogPath(Id),
            Kind.Delete => request.Method == "DELETE" && request.Target == CallLogPath(Id),
            Kind.List => request.Method == "GET" && request.Target.StartsWith($"{CallLogsPath}?start={Index}&", StringComparison.Ordinal),
            _ => request.Method == "POST" && request.BodyText.Contains($"\"subject\":\"{Id}\"", StringComparison.Ordinal),
        };
    }
}
