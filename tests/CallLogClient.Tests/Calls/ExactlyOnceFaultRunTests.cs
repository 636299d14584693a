using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using CallLogClient.Calls;
using CallLogClient.Errors;
using CallLogClient.Testing;
using CallLogClient.Tests.Emulator;
using Xunit.Abstractions;

namespace CallLogClient.Tests.Calls;

/// <summary>
/// The exactly-once guarantee under faults: a seeded run of 1 000 calls through <see cref="ICallLogWriter.LogCallOnceAsync"/>
/// against the emulator, which drops connections before and after processing, answers 503 and 500-after-processing and
/// adds latency at random (fixed seed, and one call at a time, so every run injects the same faults). The caller retries a
/// call whose outcome the writer could not settle, as a dialer's queue would. Afterwards the emulator must hold exactly one call log per key,
/// and every reported status must agree with what the emulator saw.
/// </summary>
public sealed partial class ExactlyOnceFaultRunTests(ITestOutputHelper output) : EmulatorTest
{
    private const int Calls = 1000;
    private const int Seed = 20_261_202;
    private const int CallerAttempts = 5;
    private static readonly DateTimeOffset FirstStart = new(2025, 9, 1, 8, 0, 0, TimeSpan.Zero);

    private static readonly CallOutcome[] Outcomes =
        [CallOutcome.Answered, CallOutcome.NoAnswer, CallOutcome.Busy, CallOutcome.VoicemailLeft, CallOutcome.Failed];

    [Theory]
    [InlineData(CallLogProvider.Pipedrive)]
    [InlineData(CallLogProvider.Close)]
    public async Task A_seeded_run_of_a_thousand_calls_under_faults_logs_each_exactly_once_and_reports_truthfully(CallLogProvider provider)
    {
        var faults = provider == CallLogProvider.Pipedrive ? Emulator.Pipedrive.Misbehaviour : Emulator.Close.Misbehaviour;
        faults.Seed(Seed);
        faults.FailureRate = 0.08;
        faults.RandomFaults = [Fault.ResetBeforeProcessing, Fault.ResetAfterProcessing, Fault.ServiceUnavailable, Fault.InternalErrorAfterProcessing];
        faults.RandomLatencyRate = 0.1;
        faults.RandomLatency = TimeSpan.FromMilliseconds(3);
        // One retry per read, so that a lookup now and then fails outright and the caller's retry of the key is exercised
        // too; one page at a time, so that the requests, and so the seeded faults, arrive in the same order on every run.
        var writer = provider == CallLogProvider.Pipedrive
            ? CallLogWriter.ForPipedrive(Pipedrive(o => { o.Retry.MaxRetries = 1; o.PagesInFlight = 1; }))
            : CallLogWriter.ForClose(Close(o => { o.Retry.MaxRetries = 1; o.PagesInFlight = 1; }));
        var random = new Random(Seed);
        var results = new Dictionary<string, CallLogResult>(StringComparer.Ordinal);
        var unsettledThenRetried = 0;
        var clock = Stopwatch.StartNew();

        for (var i = 0; i < Calls; i++)
        {
            var key = $"run-{i:D4}";
            var record = RandomRecord(provider, i, random);
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    results[key] = await writer.LogCallOnceAsync(record, key);
                    break;
                }
                catch (CallLogOutcomeUnknownException) when (attempt < CallerAttempts)
                {
                    unsettledThenRetried++;
                }
            }
        }

        var elapsed = clock.Elapsed;
        faults.FailureRate = 0;
        var stored = StoredByKey(provider);
        var creates = Emulator.Requests.Where(r => r.Method == "POST").GroupBy(r => KeyOf(r.BodyText)).ToDictionary(g => g.Key, g => g.ToList());

        var duplicates = stored.Sum(pair => pair.Value.Count - 1);
        var lost = Enumerable.Range(0, Calls).Count(i => !stored.ContainsKey($"run-{i:D4}"));
        var untruthful = results.Where(pair => !Truthful(pair.Value, stored[pair.Key].Single(), creates[pair.Key])).Select(pair => pair.Key).ToList();
        Report(provider, results, unsettledThenRetried, duplicates, lost, elapsed);

        Assert.Equal(Calls, results.Count);
        Assert.Equal(0, duplicates);
        Assert.Equal(0, lost);
        Assert.Equal(Calls, stored.Count);
        Assert.Empty(untruthful);
        Assert.True(unsettledThenRetried > 0, "The run should leave a few calls unsettled for the caller to retry.");
        Assert.Contains(results.Values, r => r.Status == CallLogStatus.AlreadyExisted);
        Assert.Contains(results.Values, r => r.Status == CallLogStatus.CreatedAfterLookup);
        Assert.All(
            [Fault.ResetBeforeProcessing, Fault.ResetAfterProcessing, Fault.ServiceUnavailable, Fault.InternalErrorAfterProcessing],
            fault => Assert.Contains(creates.Values.SelectMany(list => list), request => request.Fault == fault));
    }

    /// <summary>
    /// Created: one create, answered. AlreadyExisted: the call log was made by a create the client never saw answered
    /// (dropped after processing, or 500 after processing), and no create of the key was answered. CreatedAfterLookup:
    /// every earlier create was dropped or refused before processing, and the last was answered. The id is the stored one.
    /// </summary>
    private static bool Truthful(CallLogResult result, string storedId, List<EmulatedRequest> creates)
    {
        var processed = creates.Where(c => c.Fault is Fault.None or Fault.ResetAfterProcessing or Fault.InternalErrorAfterProcessing).ToList();
        if (result.Id != storedId || processed.Count != 1)
        {
            return false;
        }

        return result.Status switch
        {
            CallLogStatus.Created => creates is [{ Fault: Fault.None }],
            CallLogStatus.AlreadyExisted => processed[0].Fault != Fault.None,
            CallLogStatus.CreatedAfterLookup => creates[^1].Fault == Fault.None
                && creates[..^1].All(c => c.Fault is Fault.ResetBeforeProcessing or Fault.ServiceUnavailable),
            _ => false,
        };
    }

    private static CallRecord RandomRecord(CallLogProvider provider, int i, Random random)
    {
        var start = FirstStart.AddSeconds(i * 37);
        return new CallRecord
        {
            Direction = provider == CallLogProvider.Close ? CallDirection.Outbound : null,
            ToNumber = "+1555" + random.Next(1_000_000, 9_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture),
            Start = start,
            End = start.AddSeconds(random.Next(0, 900)),
            Outcome = Outcomes[random.Next(Outcomes.Length)],
            Note = random.Next(3) == 0 ? null : $"Call {i}",
            Links = provider == CallLogProvider.Close ? new CallLinks { CloseLeadId = $"lead_{i % 20}" } : new CallLinks(),
        };
    }

    private Dictionary<string, List<string>> StoredByKey(CallLogProvider provider)
    {
        IEnumerable<(string Id, string? Note)> all = provider == CallLogProvider.Pipedrive
            ? Emulator.Pipedrive.CallLogs.Select(log => (log.Id, log.Data.GetProperty("note").GetString()))
            : Emulator.Close.Calls.Select(call => (call.Id, call.Data.GetProperty("note").GetString()));
        return all.GroupBy(call => KeyOf(call.Note)).ToDictionary(group => group.Key, group => group.Select(call => call.Id).ToList());
    }

    private static string KeyOf(string? text) => Marker().Match(text ?? "") is { Success: true } match
        ? match.Groups[1].Value
        : throw new InvalidOperationException("A call log without a call key.");

    private void Report(
        CallLogProvider provider, Dictionary<string, CallLogResult> results, int unsettledThenRetried, int duplicates, int lost, TimeSpan elapsed)
    {
        var requests = Emulator.Requests;
        string ByFault(string method) => string.Join(", ", requests.Where(r => r.Method == method && r.Fault != Fault.None)
            .GroupBy(r => r.Fault).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}"));
        var statuses = string.Join(", ", Enum.GetValues<CallLogStatus>().Select(s => $"{s} {results.Values.Count(r => r.Status == s)}"));
        output.WriteLine($"{provider}: {Calls} calls in {elapsed.TotalSeconds:0.0} s, {requests.Count} requests " +
            $"({requests.Count(r => r.Method == "POST")} creates, {requests.Count(r => r.Method == "GET")} lookup reads)");
        output.WriteLine($"  faults on creates: {ByFault("POST")}");
        output.WriteLine($"  requests answered {Emulator.Requests.Count(r => r.Latency > TimeSpan.Zero)} times late");
        output.WriteLine($"  faults on lookup reads: {ByFault("GET")}");
        output.WriteLine($"  reported: {statuses}; outcome unknown to the caller then retried: {unsettledThenRetried}");
        output.WriteLine($"  duplicates {duplicates}, lost {lost}");
    }

    [GeneratedRegex(@"\[call:(run-\d{4})\]")]
    private static partial Regex Marker();
}
