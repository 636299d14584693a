using BenchmarkDotNet.Attributes;
using CallLogClient.Benchmarks.Payloads;
using CallLogClient.Benchmarks.Raw;
using CallLogClient.Benchmarks.Sdk;
using CallLogClient.Pipedrive;
using CallLogClient.Pipedrive.Models;

namespace CallLogClient.Benchmarks;

/// <summary>Pipedrive <c>GET /callLogs/{id}</c>: one call log of 16 fields.</summary>
[MemoryDiagnoser]
public class PipedriveGetBenchmark : SideBySideBenchmark<IPipedriveCallLogsClient>
{
    private const string Id = PipedrivePayloads.CallLogId;

    /// <summary>Builds both sides over canned handlers and checks that they send and return the same.</summary>
    [GlobalSetup]
    public void Setup() => Start(
        PipedrivePayloads.GetResponse(), PipedrivePayloads.Headers, PipedriveClientOptions.DefaultBaseAddress,
        SdkServices.Pipedrive, RawHttpClient, CallLogClientSdk,
        ParityJsonContext.Default.PipedriveCallLog);

    /// <summary>The raw floor: the same request, status check, envelope and success check, full typed model.</summary>
    [Benchmark(Baseline = true)]
    public async Task<PipedriveCallLog> RawHttpClient()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "callLogs/" + Uri.EscapeDataString(Id));
        request.Headers.TryAddWithoutValidation("x-api-token", SdkServices.PipedriveToken);
        using var response = await Raw.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        return await RawPipedrive.ReadCallLogAsync(response);
    }

    /// <summary>The SDK from dependency injection.</summary>
    [Benchmark]
    public Task<PipedriveCallLog> CallLogClientSdk() => Sdk.GetAsync(Id);
}
