namespace CallLogClient.Close.Models;

/// <summary>The envelope of a Close list response: <c>{data, has_more}</c>.</summary>
internal sealed class CloseListResponse
{
    public List<CloseCallActivity>? Data { get; set; }

    public bool HasMore { get; set; }
}
