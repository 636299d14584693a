using BenchmarkDotNet.Attributes;
using CallLogClient.Benchmarks.Payloads;
using CallLogClient.Pipedrive.Models;

namespace CallLogClient.Benchmarks.Loopback;

/// <summary>Pipedrive <c>POST /callLogs</c> on loopback: a JSON body of 11 fields, the created call log back.</summary>
[MemoryDiagnoser]
public class LoopbackPipedriveCreate : LoopbackBenchmark
{
    private readonly PipedriveCreateCallLogRequest callLog = PipedrivePayloads.CreateRequest();

    [Benchmark(Baseline = true)]
    public Task<PipedriveCallLog> Raw() => Sides.RawPipedriveCreateAsync(callLog);

    [Benchmark]
    public Task<PipedriveCallLog> PlainRefit() => Sides.RefitPipedriveCreateAsync(callLog);

    [Benchmark]
    public Task<PipedriveCallLog> Sdk() => Sides.SdkPipedrive.CreateAsync(callLog);

    private protected override void CheckParity() => Same(ParityJsonContext.Default.PipedriveCallLog, Raw, PlainRefit, Sdk);
}
