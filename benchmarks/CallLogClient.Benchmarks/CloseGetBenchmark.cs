using System.Net.Http.Headers;
using BenchmarkDotNet.Attributes;
using CallLogClient.Benchmarks.Payloads;
using CallLogClient.Benchmarks.Raw;
using CallLogClient.Benchmarks.Sdk;
using CallLogClient.Close;
using CallLogClient.Close.Models;
using Microsoft.Extensions.DependencyInjection;

namespace CallLogClient.Benchmarks;

/// <summary>Close <c>GET /activity/call/{id}/</c>: one call activity of 55 fields (two of them custom).</summary>
[MemoryDiagnoser]
public class CloseGetBenchmark
{
    private const string Id = ClosePayloads.ActivityId;

    private readonly string basic = RawHttp.CloseBasicParameter(SdkServices.CloseApiKey);

    private HttpClient raw = null!;
    private ServiceProvider services = null!;
    private ICloseCallActivitiesClient sdk = null!;

    /// <summary>Builds both sides over canned handlers and checks that they send and return the same.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var body = ClosePayloads.GetResponse();
        var rawHandler = new CannedResponseHandler(body, ClosePayloads.Headers);
        var sdkHandler = new CannedResponseHandler(body, ClosePayloads.Headers);
        raw = RawHttp.Create(rawHandler, CloseClientOptions.DefaultBaseAddress);
        services = SdkServices.Close(sdkHandler);
        sdk = services.GetRequiredService<ICloseCallActivitiesClient>();
        Parity.Check(rawHandler, RawHttpClient, sdkHandler, CallLogClientSdk, ParityJsonContext.Default.CloseCallActivity);
    }

    /// <summary>Releases both sides.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        raw.Dispose();
        services.Dispose();
    }

    /// <summary>The raw floor: the same request with Basic auth, status check, full typed model, id check.</summary>
    [Benchmark(Baseline = true)]
    public async Task<CloseCallActivity> RawHttpClient()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "activity/call/" + Uri.EscapeDataString(Id) + "/");
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", basic);
        using var response = await raw.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        return await RawClose.ReadActivityAsync(response);
    }

    /// <summary>The SDK from dependency injection.</summary>
    [Benchmark]
    public Task<CloseCallActivity> CallLogClientSdk() => sdk.GetAsync(Id);
}
