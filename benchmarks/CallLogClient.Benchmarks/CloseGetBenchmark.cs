using System.Net.Http.Headers;
using BenchmarkDotNet.Attributes;
using CallLogClient.Benchmarks.Payloads;
using CallLogClient.Benchmarks.Raw;
using CallLogClient.Benchmarks.Sdk;
using CallLogClient.Close;
using CallLogClient.Close.Models;

namespace CallLogClient.Benchmarks;

/// <summary>Close <c>GET /activity/call/{id}/</c>: one call activity of 55 fields (two of them custom).</summary>
[MemoryDiagnoser]
public class CloseGetBenchmark : SideBySideBenchmark<ICloseCallActivitiesClient>
{
    private const string Id = ClosePayloads.ActivityId;

    private readonly string basic = RawHttp.CloseBasicParameter(SdkServices.CloseApiKey);

    /// <summary>Builds both sides over canned handlers and checks that they send and return the same.</summary>
    [GlobalSetup]
    public void Setup() => Start(
        ClosePayloads.GetResponse(), ClosePayloads.Headers, CloseClientOptions.DefaultBaseAddress,
        SdkServices.Close, RawHttpClient, CallLogClientSdk,
        ParityJsonContext.Default.CloseCallActivity);

    /// <summary>The raw floor: the same request with Basic auth, status check, full typed model, id check.</summary>
    [Benchmark(Baseline = true)]
    public async Task<CloseCallActivity> RawHttpClient()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "activity/call/" + Uri.EscapeDataString(Id) + "/");
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", basic);
        using var response = await Raw.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        return await RawClose.ReadActivityAsync(response);
    }

    /// <summary>The SDK from dependency injection.</summary>
    [Benchmark]
    public Task<CloseCallActivity> CallLogClientSdk() => Sdk.GetAsync(Id);
}
