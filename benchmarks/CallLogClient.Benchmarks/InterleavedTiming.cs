using System.Diagnostics;
using System.Globalization;
using CallLogClient.Benchmarks.Loopback;

namespace CallLogClient.Benchmarks;

/// <summary>
/// <c>--interleaved OPERATION [ROUNDS]</c>: raw, plain Refit and the SDK take turns, a block of calls each per round (the
/// order rotating every round), and the ratios are taken per round, so a slow spell of the machine slows all three
/// sides alike instead of the one BenchmarkDotNet happens to be measuring. Prints the median and quartiles of the
/// per-round ratios to raw. A diagnostic next to the BenchmarkDotNet suite, not a replacement for it.
/// </summary>
internal static class InterleavedTiming
{
    private const int CallsPerBlock = 100;

    public static void Run(string operation, int rounds)
    {
        using var server = BenchmarkServer.Start();
        using var sides = new Sides(server);
        var (raw, refit, sdk) = AllocationProfile.Operation(sides, operation);
        Func<Task>[] sideCalls = [raw, refit, sdk];
        foreach (var call in sideCalls)
        {
            Block(call, 1000); // warm-up: JIT, connections
        }

        var refitRatios = new List<double>();
        var sdkRatios = new List<double>();
        var perCall = new double[3];
        var gen2 = new int[3];
        for (var round = 0; round < rounds; round++)
        {
            for (var turn = 0; turn < 3; turn++)
            {
                var side = (round + turn) % 3;
                var collections = GC.CollectionCount(2);
                perCall[side] = Block(sideCalls[side], CallsPerBlock);
                gen2[side] += GC.CollectionCount(2) - collections;
            }

            refitRatios.Add(perCall[1] / perCall[0]);
            sdkRatios.Add(perCall[2] / perCall[0]);
        }

        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{operation}: {rounds} rounds of {CallsPerBlock} calls a side; ratio to raw, median (quartiles): plain Refit {Describe(refitRatios)}, SDK {Describe(sdkRatios)}; gen-2 collections during raw / Refit / SDK blocks: {gen2[0]} / {gen2[1]} / {gen2[2]}"));
    }

    /// <summary>
    /// <c>--loop raw|refit|sdk OPERATION [CALLS]</c>: one side's calls, one after another, for a profiler to attach to
    /// (<c>perf record</c>, <c>dotnet-trace collect -- …</c>); prints the microseconds and the thread-pool work items per call.
    /// </summary>
    public static void Loop(string side, string operation, int calls)
    {
        using var server = BenchmarkServer.Start();
        using var sides = new Sides(server);
        var (raw, refit, sdk) = AllocationProfile.Operation(sides, operation);
        var call = side switch { "raw" => raw, "refit" => refit, "sdk" => sdk, _ => throw new ArgumentException($"Unknown side {side}.", nameof(side)) };
        Block(call, 1000);
        var workItems = ThreadPool.CompletedWorkItemCount;
        var perCall = Block(call, calls);
        var workItemsPerCall = (double)(ThreadPool.CompletedWorkItemCount - workItems) / calls;
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture, $"{side} {operation}: {perCall:0.0} µs a call, {workItemsPerCall:0.00} thread-pool work items a call"));
    }

    /// <summary>Microseconds per call over <paramref name="calls"/> sequential calls.</summary>
    private static double Block(Func<Task> call, int calls)
    {
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < calls; i++)
        {
            call().GetAwaiter().GetResult();
        }

        return Stopwatch.GetElapsedTime(started).TotalMicroseconds / calls;
    }

    private static string Describe(List<double> ratios)
    {
        ratios.Sort();
        double At(double quantile) => ratios[(int)Math.Round(quantile * (ratios.Count - 1))];
        return string.Create(CultureInfo.InvariantCulture, $"{At(0.5):0.00} ({At(0.25):0.00}–{At(0.75):0.00})");
    }
}
