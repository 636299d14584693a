using BenchmarkDotNet.Attributes;
using CallLogClient.Close.Models;

namespace CallLogClient.Benchmarks.Loopback;

/// <summary>Close <c>GET /activity/call/?_skip=0&amp;_limit=100</c> on loopback: a full page of 100 call activities (~209 KB).</summary>
[MemoryDiagnoser]
public class LoopbackCloseListPage : LoopbackBenchmark
{
    private const int Limit = 100;

    [Benchmark(Baseline = true)]
    public Task<CloseCallActivityPage> Raw() => Sides.RawCloseListAsync(0, Limit);

    [Benchmark]
    public Task<CloseCallActivityPage> PlainRefit() => Sides.RefitCloseListAsync(0, Limit);

    [Benchmark]
    public Task<CloseCallActivityPage> Sdk() => Sides.SdkClose.ListPageAsync(skip: 0, limit: Limit);

    private protected override void CheckParity() => Same(ParityJsonContext.Default.CloseCallActivityPage, Raw, PlainRefit, Sdk);
}
