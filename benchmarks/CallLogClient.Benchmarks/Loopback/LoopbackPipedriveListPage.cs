using BenchmarkDotNet.Attributes;
using CallLogClient.Pipedrive.Models;

namespace CallLogClient.Benchmarks.Loopback;

/// <summary>Pipedrive <c>GET /callLogs?start=0&amp;limit=50</c> on loopback: a full page and its paging block.</summary>
[MemoryDiagnoser]
public class LoopbackPipedriveListPage : LoopbackBenchmark
{
    private const int Limit = 50;

    [Benchmark(Baseline = true)]
    public Task<PipedriveCallLogPage> Raw() => Sides.RawPipedriveListAsync(0, Limit);

    [Benchmark]
    public Task<PipedriveCallLogPage> PlainRefit() => Sides.RefitPipedriveListAsync(0, Limit);

    [Benchmark]
    public Task<PipedriveCallLogPage> Sdk() => Sides.SdkPipedrive.ListPageAsync(0, Limit);

    private protected override void CheckParity() => Same(ParityJsonContext.Default.PipedriveCallLogPage, Raw, PlainRefit, Sdk);
}
