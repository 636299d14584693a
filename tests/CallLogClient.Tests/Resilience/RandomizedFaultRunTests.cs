using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using CallLogClient.Errors;
using CallLogClient.Pipedrive;
using CallLogClient.Tests.Support;
using CallLogClient.Tests.WireMock;
using static CallLogClient.Tests.Resilience.PipedriveStubs;

namespace CallLogClient.Tests.Resilience;

/// <summary>
/// A seeded run of a few hundred concurrent calls, each answered by its own scripted mix of faults, delays, 429s and
/// 5xx. Every call must end as its script predicts (success or the right typed exception, after the right number of
/// attempts and requests), and the journal must show no create re-sent after an answer that may have followed processing.
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
        await ImportAsync(calls.SelectMany(Mappings));
        var client = Pipedrive(o =>
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

        var journal = await RawJournalAsync();
        var mismatches = new List<string>();
        foreach (var (call, outcome) in calls.Zip(outcomes))
        {
            var expected = Predict(call);
            var requests = journal.Count(entry => call.Matches(entry));
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

    private static void AssertNoCreateResentAfterPossibleProcessing(IReadOnlyList<JsonObject> journal, IEnumerable<Call> creates)
    {
        foreach (var create in creates)
        {
            // Oldest first: every answer but the last must be a 429, the one answer that proves nothing was created.
            var answers = journal.Where(create.Matches).Reverse().Select(entry => entry["responseDefinition"]!.AsObject()).ToList();
            foreach (var answer in answers.SkipLast(1))
            {
                Assert.True(
                    answer["fault"] is null && answer["status"]?.GetValue<int>() == 429,
                    $"create #{create.Index} was sent again after {answer.ToJsonString()}");
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

    private static IEnumerable<JsonObject> Mappings(Call call)
    {
        for (var i = 0; i < call.Steps.Count; i++)
        {
            var mapping = Answer(call, call.Steps[i]).ToMapping();
            var request = mapping["request"]!.AsObject();
            if (call.Kind == Kind.Create)
            {
                request["bodyPatterns"] = new JsonArray(new JsonObject { ["matchesJsonPath"] = $"$[?(@.subject == '{call.Id}')]" });
            }

            mapping["scenarioName"] = $"random {call.Index}";
            mapping["requiredScenarioState"] = i == 0 ? Stub.StartedState : $"step {i}";
            if (i < call.Steps.Count - 1)
            {
                mapping["newScenarioState"] = $"step {i + 1}";
            }

            yield return mapping;
        }
    }

    private static Stub Answer(Call call, Step step)
    {
        var request = call.Kind switch
        {
            Kind.Get => Stub.Get(CallLogPath(call.Id)),
            Kind.List => Stub.Get(CallLogsPath) with
            {
                QueryParameters = new Dictionary<string, string> { ["start"] = call.Index.ToString(CultureInfo.InvariantCulture) },
            },
            Kind.Create => Stub.Post(CallLogsPath),
            _ => Stub.Delete(CallLogPath(call.Id)),
        };
        var success = call.Kind switch
        {
            Kind.List => PageBody,
            Kind.Delete => DeletedBody,
            _ => CallLogBody(call.Id),
        };
        return step switch
        {
            Step.Ok => request with { JsonBody = success },
            Step.SlowOk => request with { JsonBody = success, FixedDelayMilliseconds = 30 },
            Step.RateLimited => request with { Status = 429, JsonBody = DailyBudgetBody, Headers = Header("Retry-After", "0") },
            Step.RateLimitedBriefly => request with { Status = 429, JsonBody = DailyBudgetBody, Headers = Header("x-ratelimit-reset", "0.02") },
            Step.RateLimitedForAnHour => request with { Status = 429, JsonBody = DailyBudgetBody, Headers = Header("Retry-After", "3600") },
            Step.Unavailable => request with { Status = 503, JsonBody = ServerErrorBody },
            Step.ServerError => request with { Status = 500, JsonBody = ServerErrorBody },
            Step.Reset => request with { Fault = WireMockFault.ConnectionResetByPeer },
            Step.Empty => request with { Fault = WireMockFault.EmptyResponse },
            Step.Malformed => request with { Fault = WireMockFault.MalformedResponseChunk },
            Step.RandomData => request with { Fault = WireMockFault.RandomDataThenClose },
            Step.TooSlow => request with { JsonBody = success, FixedDelayMilliseconds = (int)(AttemptTimeout.TotalMilliseconds * 2.5) },
            _ => request with { Status = 404, JsonBody = NotFoundBody },
        };
    }

    private static Dictionary<string, string> Header(string name, string value) => new() { [name] = value };

    private static string Name<T>() => typeof(T).Name;

    private async Task ImportAsync(IEnumerable<JsonObject> mappings)
    {
        using var http = new HttpClient();
        var body = new JsonObject { ["mappings"] = new JsonArray([.. mappings]) };
        using var content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(new Uri(WireMock.BaseUri, "__admin/mappings/import"), content);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>The journal with each entry's answer (newest first), which the harness's typed view leaves out.</summary>
    private async Task<IReadOnlyList<JsonObject>> RawJournalAsync()
    {
        using var http = new HttpClient();
        var journal = JsonNode.Parse(await http.GetStringAsync(new Uri(WireMock.BaseUri, "__admin/requests")))!;
        return [.. journal["requests"]!.AsArray().Select(entry => entry!.AsObject())];
    }

    private sealed record Call(int Index, Kind Kind, IReadOnlyList<Step> Steps)
    {
        public string Id => $"{Kind.ToString()[0]}{Index}";

        /// <summary>The script's answer to the n-th request (1-based); the last answer repeats.</summary>
        public Step StepFor(int request) => Steps[Math.Min(request, Steps.Count) - 1];

        public bool Matches(JsonObject entry)
        {
            var request = entry["request"]!.AsObject();
            var method = request["method"]!.GetValue<string>();
            var url = request["url"]!.GetValue<string>();
            return Kind switch
            {
                Kind.Get => method == "GET" && url == CallLogPath(Id),
                Kind.Delete => method == "DELETE" && url == CallLogPath(Id),
                Kind.List => method == "GET" && url.StartsWith($"{CallLogsPath}?start={Index}&", StringComparison.Ordinal),
                _ => method == "POST" && (request["body"]?.GetValue<string>() ?? "").Contains($"\"subject\":\"{Id}\"", StringComparison.Ordinal),
            };
        }
    }
}
