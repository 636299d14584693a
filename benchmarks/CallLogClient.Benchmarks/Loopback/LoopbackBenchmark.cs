using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using BenchmarkDotNet.Attributes;

namespace CallLogClient.Benchmarks.Loopback;

/// <summary>
/// An operation measured three ways against the loopback server in its own process (<see cref="BenchmarkServer"/>):
/// raw (the baseline), plain Refit and the SDK. The setup starts the server and checks that the three sides return the
/// same result; the cleanup kills it.
/// </summary>
public abstract class LoopbackBenchmark
{
    private BenchmarkServer? server;

    private protected Sides Sides { get; private set; } = null!;

    /// <summary>How long the server takes to answer a list page.</summary>
    private protected virtual int PageDelayMs => 0;

    [GlobalSetup]
    public void Setup()
    {
        server = BenchmarkServer.Start();
        Sides = new Sides(server, PageDelayMs);
        CheckParity();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        Sides.Dispose();
        server?.Dispose();
    }

    /// <summary>Runs each side once and refuses to measure unless they all return the same.</summary>
    private protected abstract void CheckParity();

    private protected static void Same<T>(JsonTypeInfo<T> resultType, params Func<Task<T>>[] sides)
    {
        var results = sides.Select(side => JsonSerializer.Serialize(side().GetAwaiter().GetResult(), resultType)).ToList();
        if (results.Distinct().Count() != 1)
        {
            throw new InvalidOperationException("The sides returned different results:\n" + string.Join("\n---\n", results));
        }
    }
}
