using CallLogClient.Calls;

namespace CallLogClient.Sample;

/// <summary>
/// One call logged through the provider-neutral writer, exactly once: logged under its call key, then logged again with
/// the same key (as when a dialer delivers the same call-ended event twice), which finds it instead of duplicating it.
/// </summary>
internal static class WriterWalkthrough
{
    public static async Task RunAsync(ICallLogWriter writer, CallLinks links, Report report, CancellationToken cancellationToken)
    {
        var endedAt = DateTimeOffset.UtcNow;
        var record = new CallRecord
        {
            Direction = CallDirection.Outbound,
            ToNumber = "+15555550123",
            Start = endedAt.AddSeconds(-95),
            End = endedAt,
            Outcome = CallOutcome.NoAnswer,
            Note = "Logged once by the CallLogClient sample.",
            Links = links,
        };
        var callKey = $"sample-{Guid.NewGuid():N}";

        var first = await writer.LogCallOnceAsync(record, callKey, cancellationToken);
        var notStored = first.NotStored.Count == 0 ? "" : $" (not stored: {string.Join(", ", first.NotStored.Select(field => field.Field))})";
        report.Step("log once", $"{first.Id}, {first.Status}{notStored}");
        CallLogResult? again = null;
        try
        {
            again = await writer.LogCallOnceAsync(record, callKey, cancellationToken);
            report.Step("same call key again", again.Id == first.Id ? $"{again.Status}, no duplicate" : $"{again.Status}: a second call log, {again.Id}");
        }
        finally
        {
            await writer.DeleteAsync(first.Id, CancellationToken.None);
            if (again is not null && again.Id != first.Id)
            {
                await writer.DeleteAsync(again.Id, CancellationToken.None);
            }

            report.Step("delete", "removed");
        }
    }
}
