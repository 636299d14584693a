using BenchmarkDotNet.Attributes;
using CallLogClient.Close.Models;

namespace CallLogClient.Benchmarks.Loopback;

/// <summary>Close <c>GET /activity/call/{id}/</c> on loopback: one call activity of 55 fields (custom fields included).</summary>
[MemoryDiagnoser]
public class LoopbackCloseGet : LoopbackBenchmark
{
    private static readonly string Id = Server.Ids.Close(0);

    [Benchmark(Baseline = true)]
    public Task<CloseCallActivity> Raw() => Sides.RawCloseGetAsync(Id);

    [Benchmark]
    public Task<CloseCallActivity> PlainRefit() => Sides.RefitCloseGetAsync(Id);

    [Benchmark]
    public Task<CloseCallActivity> Sdk() => Sides.SdkClose.GetAsync(Id);

    private protected override void CheckParity() => Same(ParityJsonContext.Default.CloseCallActivity, Raw, PlainRefit, Sdk);
}
