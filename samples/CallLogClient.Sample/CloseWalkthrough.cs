using CallLogClient.Close;
using CallLogClient.Close.Models;

namespace CallLogClient.Sample;

/// <summary>The life of one Close call activity: log it, read back, update, page, delete.</summary>
internal static class CloseWalkthrough
{
    public static async Task RunAsync(ICloseCallActivitiesClient client, string leadId, Report report, CancellationToken cancellationToken)
    {
        var created = await client.CreateAsync(new CloseCreateCallRequest
        {
            LeadId = leadId,
            Direction = CloseCallDirection.Outbound,
            Phone = "+16505551234",
            Duration = TimeSpan.FromSeconds(153),
            NoteHtml = "<body><p>Logged by the CallLogClient sample.</p></body>",
        }, cancellationToken);
        report.Step("log an external call", $"{created.Id}, {created.Status}, {created.Duration?.TotalSeconds} s, cost {created.Cost} cents");
        try
        {
            var read = await client.GetAsync(created.Id, cancellationToken: cancellationToken);
            report.Step("read back", $"{read.Direction} to {read.Phone}, note \"{read.Note}\"");

            var updated = await client.UpdateAsync(created.Id, new CloseUpdateCallRequest
            {
                NoteHtml = "<body><p>Updated by the CallLogClient sample.</p></body>",
            }, cancellationToken);
            report.Step("update (partial)", $"note now \"{updated.Note}\"");

            var seen = 0;
            var found = false;
            await foreach (var call in client.ListAllAsync(new CloseCallQuery { LeadIds = [leadId] }, pageSize: 10, cancellationToken))
            {
                seen++;
                found |= call.Id == created.Id;
                if (found || seen >= 100)
                {
                    break;
                }
            }

            report.Step("page with await foreach", found ? $"found it after {seen} call(s) of the lead" : $"not among the first {seen} calls");
        }
        finally
        {
            await client.DeleteAsync(created.Id, CancellationToken.None);
            report.Step("delete", "removed");
        }
    }
}
