using System.Text.Json.Serialization;
using CallLogClient.Close.Models;
using CallLogClient.Pipedrive.Models;

namespace CallLogClient.Benchmarks.Raw;

/// <summary>
/// What a caller without the SDK writes: a source-generated context over the SDK's public model types, with the
/// SDK's own options (snake_case, nulls omitted on write, numbers also read from strings). The SDK's contexts and
/// envelope types are internal, so the envelopes are declared here with the same shape.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(RawPipedriveResponse<PipedriveCallLog>))]
[JsonSerializable(typeof(RawPipedriveResponse<List<PipedriveCallLog>>))]
[JsonSerializable(typeof(RawPipedriveResponse<System.Text.Json.JsonElement>))]
[JsonSerializable(typeof(PipedriveCreateCallLogRequest))]
[JsonSerializable(typeof(CloseCallActivity))]
[JsonSerializable(typeof(RawCloseListResponse))]
internal sealed partial class RawJsonContext : JsonSerializerContext;

/// <summary>Pipedrive's envelope, <c>{success, data, additional_data, error}</c>, as the SDK reads it.</summary>
internal sealed class RawPipedriveResponse<T>
{
    public bool? Success { get; init; }

    public T? Data { get; init; }

    public RawPipedriveAdditionalData? AdditionalData { get; init; }

    public string? Error { get; init; }
}

/// <summary>Pipedrive's <c>additional_data</c> block.</summary>
internal sealed class RawPipedriveAdditionalData
{
    public PipedrivePagination? Pagination { get; init; }
}

/// <summary>Close's list envelope, <c>{data, has_more}</c>.</summary>
internal sealed class RawCloseListResponse
{
    public List<CloseCallActivity>? Data { get; init; }

    public bool HasMore { get; init; }
}
