using BenchmarkDotNet.Attributes;
using CallLogClient.Benchmarks.Payloads;
using CallLogClient.Benchmarks.Raw;
using CallLogClient.Benchmarks.Sdk;
using CallLogClient.Pipedrive;
using CallLogClient.Pipedrive.Models;
using Microsoft.Extensions.DependencyInjection;

namespace CallLogClient.Benchmarks;

/// <summary>Pipedrive <c>GET /callLogs/{id}</c>: one call log of 16 fields.</summary>
[MemoryDiagnoser]
public class PipedriveGetBenchmark
{
    private const string Id = PipedrivePayloads.CallLogId;

    private HttpClient raw = null!;
    private ServiceProvider services = null!;
    private IPipedriveCallLogsClient sdk = null!;

    /// <summary>Builds both sides over canned handlers and checks that they send and return the same.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var body = PipedrivePayloads.GetResponse();
        var rawHandler = new CannedResponseHandler(body, PipedrivePayloads.Headers);
        var sdkHandler = new CannedResponseHandler(body, PipedrivePayloads.Headers);
        raw = RawHttp.Create(rawHandler, PipedriveClientOptions.DefaultBaseAddress);
        services = SdkServices.Pipedrive(sdkHandler);
        sdk = services.GetRequiredService<IPipedriveCallLogsClient>();
        Parity.Check(rawHandler, RawHttpClient, sdkHandler, CallLogClientSdk, ParityJsonContext.Default.PipedriveCallLog);
    }

    /// <summary>Releases both sides.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        raw.Dispose();
        services.Dispose();
    }

    /// <summary>The raw floor: the same request, status check, envelope and success check, full typed model.</summary>
    [Benchmark(Baseline = true)]
    public async Task<PipedriveCallLog> RawHttpClient()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "callLogs/" + Uri.EscapeDataString(Id));
        request.Headers.TryAddWithoutValidation("x-api-token", SdkServices.PipedriveToken);
        using var response = await raw.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        return await RawPipedrive.ReadCallLogAsync(response);
    }

    /// <summary>The SDK from dependency injection.</summary>
    [Benchmark]
    public Task<PipedriveCallLog> CallLogClientSdk() => sdk.GetAsync(Id);
}
