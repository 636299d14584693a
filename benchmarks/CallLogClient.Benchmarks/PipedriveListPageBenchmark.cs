using System.Text.Json;
using System.Text.Json.Serialization;
using BenchmarkDotNet.Attributes;
using CallLogClient.Pipedrive;
using Microsoft.Extensions.DependencyInjection;

namespace CallLogClient.Benchmarks;

/// <summary>
/// Reading one 50-item page of call logs: the SDK (executor, resilience and auth handlers, typed models) against the
/// floor of a raw <see cref="HttpClient"/> plus source-generated System.Text.Json over the same canned response.
/// </summary>
[MemoryDiagnoser]
public class PipedriveListPageBenchmark
{
    private HttpClient rawClient = null!;
    private IPipedriveCallLogsClient sdkClient = null!;
    private ServiceProvider services = null!;

    [GlobalSetup]
    public void Setup()
    {
        var body = PipedriveListPayload.Create(50);
        rawClient = new HttpClient(new CannedResponseHandler(body)) { BaseAddress = new Uri("https://api.pipedrive.com/v1/") };
        services = new ServiceCollection()
            .AddPipedriveCallLogs(options => options.Credential = PipedriveCredential.FromApiToken("benchmark-token"))
            .ConfigurePrimaryHttpMessageHandler(() => new CannedResponseHandler(body))
            .Services.BuildServiceProvider();
        sdkClient = services.GetRequiredService<IPipedriveCallLogsClient>();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        rawClient.Dispose();
        services.Dispose();
    }

    [Benchmark(Baseline = true)]
    public async Task<int> RawHttpClientAndSourceGeneratedJson()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "callLogs?start=0&limit=50");
        request.Headers.TryAddWithoutValidation("x-api-token", "benchmark-token");
        using var response = await rawClient.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();
        return JsonSerializer.Deserialize(body, RawJsonContext.Default.RawListResponse)!.Data!.Count;
    }

    [Benchmark]
    public async Task<int> CallLogClientListPage() => (await sdkClient.ListPageAsync(0, 50)).Items.Count;
}

public sealed class RawListResponse
{
    public bool Success { get; init; }

    public List<RawCallLog>? Data { get; init; }
}

public sealed class RawCallLog
{
    public string Id { get; init; } = "";

    public string? Outcome { get; init; }

    public string? ToPhoneNumber { get; init; }

    public DateTimeOffset? StartTime { get; init; }

    public string? Duration { get; init; }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(RawListResponse))]
internal sealed partial class RawJsonContext : JsonSerializerContext;
