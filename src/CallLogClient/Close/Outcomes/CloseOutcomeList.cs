namespace CallLogClient.Close.Outcomes;

/// <summary>The envelope of <c>GET /outcome/</c>: <c>{data, has_more}</c>.</summary>
internal sealed class CloseOutcomeList
{
    public List<CloseOutcome>? Data { get; set; }

    public bool HasMore { get; set; }
}
