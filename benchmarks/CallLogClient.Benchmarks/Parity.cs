using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using CallLogClient.Close.Models;
using CallLogClient.Pipedrive.Models;

namespace CallLogClient.Benchmarks;

/// <summary>
/// Run once in every benchmark's setup: both sides must send the same request (method, URI, every header, the body)
/// and return the same result, or the benchmark refuses to run. This is what keeps the comparison honest.
/// </summary>
internal static class Parity
{
    public static void Check<T>(
        CannedResponseHandler rawHandler, Func<Task<T>> raw, CannedResponseHandler sdkHandler, Func<Task<T>> sdk, JsonTypeInfo<T> resultType)
    {
        var rawResult = Run(rawHandler, raw, out var rawRequest);
        var sdkResult = Run(sdkHandler, sdk, out var sdkRequest);
        if (rawRequest != sdkRequest)
        {
            throw new InvalidOperationException($"The two sides sent different requests.\n--- raw:\n{rawRequest}\n--- SDK:\n{sdkRequest}");
        }

        var rawJson = JsonSerializer.Serialize(rawResult, resultType);
        var sdkJson = JsonSerializer.Serialize(sdkResult, resultType);
        if (rawJson != sdkJson)
        {
            throw new InvalidOperationException($"The two sides returned different results.\n--- raw:\n{rawJson}\n--- SDK:\n{sdkJson}");
        }
    }

    private static T Run<T>(CannedResponseHandler handler, Func<Task<T>> call, out string request)
    {
        handler.Recording = true;
        try
        {
            var result = call().GetAwaiter().GetResult();
            request = handler.LastRequest ?? throw new InvalidOperationException("Nothing reached the canned handler.");
            return result;
        }
        finally
        {
            handler.Recording = false;
        }
    }
}

/// <summary>Writes the results of both sides for <see cref="Parity"/> to compare.</summary>
[JsonSourceGenerationOptions(WriteIndented = true)]
[JsonSerializable(typeof(PipedriveCallLog))]
[JsonSerializable(typeof(PipedriveCallLogPage))]
[JsonSerializable(typeof(CloseCallActivity))]
[JsonSerializable(typeof(CloseCallActivityPage))]
internal sealed partial class ParityJsonContext : JsonSerializerContext;
