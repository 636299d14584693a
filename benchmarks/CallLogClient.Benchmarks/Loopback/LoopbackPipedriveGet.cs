using BenchmarkDotNet.Attributes;
using CallLogClient.Pipedrive.Models;

namespace CallLogClient.Benchmarks.Loopback;

/// <summary>Pipedrive <c>GET /callLogs/{id}</c> on loopback: one call log of 16 fields in its envelope.</summary>
[MemoryDiagnoser]
public class LoopbackPipedriveGet : LoopbackBenchmark
{
    private static readonly string Id = Server.Ids.Pipedrive(0);

    [Benchmark(Baseline = true)]
    public Task<PipedriveCallLog> Raw() => Sides.RawPipedriveGetAsync(Id);

    [Benchmark]
    public Task<PipedriveCallLog> PlainRefit() => Sides.RefitPipedriveGetAsync(Id);

    [Benchmark]
    public Task<PipedriveCallLog> Sdk() => Sides.SdkPipedrive.GetAsync(Id);

    private protected override void CheckParity() => Same(ParityJsonContext.Default.PipedriveCallLog, Raw, PlainRefit, Sdk);
}
