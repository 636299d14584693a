using System.Net.Http.Headers;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using CallLogClient.Benchmarks.Payloads;
using CallLogClient.Benchmarks.Raw;
using CallLogClient.Benchmarks.Sdk;
using CallLogClient.Pipedrive;
using CallLogClient.Pipedrive.Models;

namespace CallLogClient.Benchmarks;

/// <summary>Pipedrive <c>POST /callLogs</c>: a JSON body of 11 fields out, the created call log back.</summary>
[MemoryDiagnoser]
public class PipedriveCreateBenchmark : SideBySideBenchmark<IPipedriveCallLogsClient>
{
    private readonly PipedriveCreateCallLogRequest callLog = PipedrivePayloads.CreateRequest();

    /// <summary>Builds both sides over canned handlers and checks that they send and return the same.</summary>
    [GlobalSetup]
    public void Setup() => Start(
        PipedrivePayloads.CreateResponse(), PipedrivePayloads.Headers, PipedriveClientOptions.DefaultBaseAddress,
        SdkServices.Pipedrive, RawHttpClient, CallLogClientSdk,
        ParityJsonContext.Default.PipedriveCallLog);

    /// <summary>
    /// The raw floor: the body serialized with a source-generated context into a byte array (the SDK buffers its body
    /// too), then the same request, status check, envelope and success check, full typed model.
    /// </summary>
    [Benchmark(Baseline = true)]
    public async Task<PipedriveCallLog> RawHttpClient()
    {
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(callLog, RawJsonContext.Default.PipedriveCreateCallLogRequest));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        using var request = new HttpRequestMessage(HttpMethod.Post, "callLogs") { Content = content };
        request.Headers.TryAddWithoutValidation("x-api-token", SdkServices.PipedriveToken);
        using var response = await Raw.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        return await RawPipedrive.ReadCallLogAsync(response);
    }

    /// <summary>The SDK from dependency injection.</summary>
    [Benchmark]
    public Task<PipedriveCallLog> CallLogClientSdk() => Sdk.CreateAsync(callLog);
}
