namespace CallLogClient.Calls;

/// <summary>A part of a <see cref="CallRecord"/> the provider could not hold as given, and what became of it.</summary>
public sealed class CallFieldNotStored
{
    /// <summary>Creates the notice.</summary>
    /// <param name="field">The <see cref="CallRecord"/> property, e.g. <c>Direction</c> or <c>Links.CloseLeadId</c>.</param>
    /// <param name="reason">Why, and what was stored instead (if anything).</param>
    /// <param name="error">The failure behind it, e.g. a recording upload that failed after the call log was created.</param>
    public CallFieldNotStored(string field, string reason, Exception? error = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(field);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        Field = field;
        Reason = reason;
        Error = error;
    }

    /// <summary>The <see cref="CallRecord"/> property, e.g. <c>Direction</c>, <c>Outcome</c>, <c>Recording</c>.</summary>
    public string Field { get; }

    /// <summary>Why the provider could not hold it, and what was stored instead (if anything).</summary>
    public string Reason { get; }

    /// <summary>The failure behind the notice, when one (a failed recording upload) caused it.</summary>
    public Exception? Error { get; }

    /// <summary>The field and the reason (they never hold call data).</summary>
    /// <returns>For example <c>Direction: Pipedrive call logs have no direction field.</c></returns>
    public override string ToString() => $"{Field}: {Reason}";
}
