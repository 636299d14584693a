using System.Text.Json.Serialization.Metadata;
using BenchmarkDotNet.Attributes;
using CallLogClient.Benchmarks.Raw;
using Microsoft.Extensions.DependencyInjection;

namespace CallLogClient.Benchmarks;

/// <summary>
/// One operation measured two ways over the same canned transport: a raw <see cref="HttpClient"/> and the SDK client
/// <typeparamref name="TClient"/> from dependency injection, checked to send and return the same before measuring.
/// </summary>
public abstract class SideBySideBenchmark<TClient>
    where TClient : notnull
{
    private ServiceProvider services = null!;

    /// <summary>The raw side's client.</summary>
    protected HttpClient Raw { get; private set; } = null!;

    /// <summary>The SDK side's client.</summary>
    protected TClient Sdk { get; private set; } = default!;

    /// <summary>Releases both sides.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        Raw.Dispose();
        services.Dispose();
    }

    /// <summary>Builds both sides over canned handlers answering <paramref name="body"/> and checks their parity.</summary>
    private protected void Start<TResult>(
        byte[] body,
        (string Name, string Value)[] headers,
        Uri baseAddress,
        Func<CannedResponseHandler, ServiceProvider> sdkServices,
        Func<Task<TResult>> raw,
        Func<Task<TResult>> sdk,
        JsonTypeInfo<TResult> resultType)
    {
        var rawHandler = new CannedResponseHandler(body, headers);
        var sdkHandler = new CannedResponseHandler(body, headers);
        Raw = RawHttp.Create(rawHandler, baseAddress);
        services = sdkServices(sdkHandler);
        Sdk = services.GetRequiredService<TClient>();
        Parity.Check(rawHandler, raw, sdkHandler, sdk, resultType);
    }
}
