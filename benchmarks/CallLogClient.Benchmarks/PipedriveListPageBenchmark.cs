using BenchmarkDotNet.Attributes;
using CallLogClient.Benchmarks.Payloads;
using CallLogClient.Benchmarks.Raw;
using CallLogClient.Benchmarks.Sdk;
using CallLogClient.Pipedrive;
using CallLogClient.Pipedrive.Models;

namespace CallLogClient.Benchmarks;

/// <summary>Pipedrive <c>GET /callLogs?start=0&amp;limit=50</c>: a full page of 50 call logs.</summary>
[MemoryDiagnoser]
public class PipedriveListPageBenchmark : SideBySideBenchmark<IPipedriveCallLogsClient>
{
    private const int Start = 0;
    private const int Limit = 50;

    /// <summary>Builds both sides over canned handlers and checks that they send and return the same.</summary>
    [GlobalSetup]
    public void Setup() => Start(
        PipedrivePayloads.ListResponse(Limit), PipedrivePayloads.Headers, PipedriveClientOptions.DefaultBaseAddress,
        SdkServices.Pipedrive, RawHttpClient, CallLogClientSdk,
        ParityJsonContext.Default.PipedriveCallLogPage);

    /// <summary>The raw floor: the same request, status check, envelope, success and paging checks, full typed models.</summary>
    [Benchmark(Baseline = true)]
    public async Task<PipedriveCallLogPage> RawHttpClient()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"callLogs?start={Start}&limit={Limit}");
        request.Headers.TryAddWithoutValidation("x-api-token", SdkServices.PipedriveToken);
        using var response = await Raw.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        return await RawPipedrive.ReadPageAsync(response, Start, Limit);
    }

    /// <summary>The SDK from dependency injection.</summary>
    [Benchmark]
    public Task<PipedriveCallLogPage> CallLogClientSdk() => Sdk.ListPageAsync(Start, Limit);
}
