using System.Text.Json;
using CallLogClient.Close.Models;

namespace CallLogClient.Benchmarks.Raw;

/// <summary>What the SDK checks in a Close body, done by hand: a call activity must carry an id, a list no null item.</summary>
internal static class RawClose
{
    public static async Task<CloseCallActivity> ReadActivityAsync(HttpResponseMessage response)
    {
        RawHttp.EnsureSuccess(response);
        using var body = await RawHttp.ReadBodyAsync(response);
        return ActivityOf(JsonSerializer.Deserialize(body.Span, RawJsonContext.Default.CloseCallActivity));
    }

    public static async Task<CloseCallActivityPage> ReadPageAsync(HttpResponseMessage response, int skip)
    {
        RawHttp.EnsureSuccess(response);
        using var body = await RawHttp.ReadBodyAsync(response);
        return PageOf(JsonSerializer.Deserialize(body.Span, RawJsonContext.Default.RawCloseListResponse), skip);
    }

    public static CloseCallActivity ActivityOf(CloseCallActivity? activity) => activity switch
    {
        null => throw new JsonException("The response body was empty."),
        { Id.Length: > 0 } => activity,
        _ => throw new JsonException("The response carried no call activity (no id)."),
    };

    public static CloseCallActivityPage PageOf(RawCloseListResponse? list, int skip)
    {
        if (list is null)
        {
            throw new JsonException("The response body was empty.");
        }

        var items = list.Data ?? [];
        return items.Contains(null!)
            ? throw new JsonException("The list held a null item instead of a call activity.")
            : new CloseCallActivityPage(items, list.HasMore, skip);
    }
}
