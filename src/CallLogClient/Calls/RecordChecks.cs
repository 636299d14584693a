namespace CallLogClient.Calls;

/// <summary>The checks every provider makes on a record before it is sent.</summary>
internal static class RecordChecks
{
    public static (DateTimeOffset Start, DateTimeOffset End, TimeSpan Duration) Times(CallRecord record)
    {
        var start = record.Start ?? throw RecordChecks.Invalid("Start", "Start is required.");
        var end = record.End ?? throw RecordChecks.Invalid("End", "End is required.");
        if (end < start)
        {
            throw RecordChecks.Invalid("End", "End must not be before Start.");
        }

        var duration = record.EffectiveDuration!.Value;
        if (duration < TimeSpan.Zero)
        {
            throw RecordChecks.Invalid("TalkDuration", "TalkDuration must not be negative.");
        }

        return (start, end, duration);
    }

    public static string RemoteNumber(CallRecord record) => record.RemoteNumber is { Length: > 0 } number
        ? number
        : record.Direction == CallDirection.Inbound
            ? throw Invalid("FromNumber", "FromNumber (the caller) is required for an inbound call.")
            : throw Invalid("ToNumber", "ToNumber is required.");

    /// <summary>Bad input, naming the record's property (<c>record.Start</c>, <c>record.Links.CloseLeadId</c>).</summary>
    public static ArgumentException Invalid(string field, string message) => new(message, "record." + field);
}
