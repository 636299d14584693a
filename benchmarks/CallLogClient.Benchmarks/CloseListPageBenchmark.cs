using System.Net.Http.Headers;
using BenchmarkDotNet.Attributes;
using CallLogClient.Benchmarks.Payloads;
using CallLogClient.Benchmarks.Raw;
using CallLogClient.Benchmarks.Sdk;
using CallLogClient.Close;
using CallLogClient.Close.Models;
using Microsoft.Extensions.DependencyInjection;

namespace CallLogClient.Benchmarks;

/// <summary>Close <c>GET /activity/call/?_skip=0&amp;_limit=100</c>: a full page of 100 call activities.</summary>
[MemoryDiagnoser]
public class CloseListPageBenchmark
{
    private const int Skip = 0;
    private const int Limit = 100;

    private readonly string basic = RawHttp.CloseBasicParameter(SdkServices.CloseApiKey);

    private HttpClient raw = null!;
    private ServiceProvider services = null!;
    private ICloseCallActivitiesClient sdk = null!;

    /// <summary>Builds both sides over canned handlers and checks that they send and return the same.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var body = ClosePayloads.ListResponse(Limit);
        var rawHandler = new CannedResponseHandler(body, ClosePayloads.Headers);
        var sdkHandler = new CannedResponseHandler(body, ClosePayloads.Headers);
        raw = RawHttp.Create(rawHandler, CloseClientOptions.DefaultBaseAddress);
        services = SdkServices.Close(sdkHandler);
        sdk = services.GetRequiredService<ICloseCallActivitiesClient>();
        Parity.Check(rawHandler, RawHttpClient, sdkHandler, CallLogClientSdk, ParityJsonContext.Default.CloseCallActivityPage);
    }

    /// <summary>Releases both sides.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        raw.Dispose();
        services.Dispose();
    }

    /// <summary>The raw floor: the same request with Basic auth, status check, full typed models, null-item check.</summary>
    [Benchmark(Baseline = true)]
    public async Task<CloseCallActivityPage> RawHttpClient()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"activity/call/?_skip={Skip}&_limit={Limit}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", basic);
        using var response = await raw.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        return await RawClose.ReadPageAsync(response, Skip);
    }

    /// <summary>The SDK from dependency injection.</summary>
    [Benchmark]
    public Task<CloseCallActivityPage> CallLogClientSdk() => sdk.ListPageAsync(skip: Skip, limit: Limit);
}
