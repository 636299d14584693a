using System.Text.Json;
using CallLogClient.Pipedrive.Models;

namespace CallLogClient.Benchmarks.Raw;

/// <summary>
/// What the SDK checks in a Pipedrive body, done by hand: the whole envelope deserialized, <c>success:false</c> refused,
/// a call log must carry an id, a list must hold no null item, and a missing paging block means the last page.
/// </summary>
internal static class RawPipedrive
{
    public static async Task<PipedriveCallLog> ReadCallLogAsync(HttpResponseMessage response)
    {
        RawHttp.EnsureSuccess(response);
        using var body = await RawHttp.ReadBodyAsync(response);
        return CallLogOf(JsonSerializer.Deserialize(body.Span, RawJsonContext.Default.RawPipedriveResponsePipedriveCallLog));
    }

    public static async Task<PipedriveCallLogPage> ReadPageAsync(HttpResponseMessage response, int start, int limit)
    {
        RawHttp.EnsureSuccess(response);
        using var body = await RawHttp.ReadBodyAsync(response);
        return PageOf(JsonSerializer.Deserialize(body.Span, RawJsonContext.Default.RawPipedriveResponseListPipedriveCallLog), start, limit);
    }

    /// <summary>A body that carries nothing to return (a recording upload): a 2xx unless it says <c>success:false</c>.</summary>
    public static async Task ReadAcknowledgementAsync(HttpResponseMessage response)
    {
        RawHttp.EnsureSuccess(response);
        using var body = await RawHttp.ReadBodyAsync(response);
        Succeeded(JsonSerializer.Deserialize(body.Span, RawJsonContext.Default.RawPipedriveResponseJsonElement));
    }

    public static PipedriveCallLog CallLogOf(RawPipedriveResponse<PipedriveCallLog>? envelope) =>
        Succeeded(envelope).Data is { Id.Length: > 0 } callLog
            ? callLog
            : throw new JsonException("The response carried no call log (no data, or no id).");

    public static PipedriveCallLogPage PageOf(RawPipedriveResponse<List<PipedriveCallLog>>? response, int start, int limit)
    {
        var envelope = Succeeded(response);
        var pagination = envelope.AdditionalData?.Pagination
            ?? new PipedrivePagination { Start = start, Limit = limit, MoreItemsInCollection = false };
        var items = envelope.Data ?? [];
        return items.Contains(null!)
            ? throw new JsonException("The list held a null item instead of a call log.")
            : new PipedriveCallLogPage(items, pagination);
    }

    public static RawPipedriveResponse<T> Succeeded<T>(RawPipedriveResponse<T>? envelope) => envelope switch
    {
        null => throw new JsonException("The response body was empty."),
        { Success: false } => throw new InvalidOperationException(envelope.Error ?? "success:false in a 2xx response."),
        _ => envelope,
    };
}
