using System.Net.Http.Headers;
using BenchmarkDotNet.Attributes;
using CallLogClient.Benchmarks.Payloads;
using CallLogClient.Benchmarks.Raw;
using CallLogClient.Benchmarks.Sdk;
using CallLogClient.Close;
using CallLogClient.Close.Models;

namespace CallLogClient.Benchmarks;

/// <summary>Close <c>GET /activity/call/?_skip=0&amp;_limit=100</c>: a full page of 100 call activities.</summary>
[MemoryDiagnoser]
public class CloseListPageBenchmark : SideBySideBenchmark<ICloseCallActivitiesClient>
{
    private const int Skip = 0;
    private const int Limit = 100;

    private readonly string basic = RawHttp.CloseBasicParameter(SdkServices.CloseApiKey);

    /// <summary>Builds both sides over canned handlers and checks that they send and return the same.</summary>
    [GlobalSetup]
    public void Setup() => Start(
        ClosePayloads.ListResponse(Limit), ClosePayloads.Headers, CloseClientOptions.DefaultBaseAddress,
        SdkServices.Close, RawHttpClient, CallLogClientSdk,
        ParityJsonContext.Default.CloseCallActivityPage);

    /// <summary>The raw floor: the same request with Basic auth, status check, full typed models, null-item check.</summary>
    [Benchmark(Baseline = true)]
    public async Task<CloseCallActivityPage> RawHttpClient()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"activity/call/?_skip={Skip}&_limit={Limit}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", basic);
        using var response = await Raw.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        return await RawClose.ReadPageAsync(response, Skip);
    }

    /// <summary>The SDK from dependency injection.</summary>
    [Benchmark]
    public Task<CloseCallActivityPage> CallLogClientSdk() => Sdk.ListPageAsync(skip: Skip, limit: Limit);
}
