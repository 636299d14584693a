using CallLogClient.Pipedrive;

namespace CallLogClient.Sample.Export;

/// <summary>
/// Pipedrive call logs, page by page with <c>start</c>/<c>limit</c> (<see cref="IPipedriveCallLogsClient.ListPageAsync"/>,
/// the pages behind <c>ListAllAsync</c>): the offset of each page is what lets a checkpoint resume the list.
/// </summary>
internal sealed class PipedriveExportSource(IPipedriveCallLogsClient client, string target) : IExportSource<PipedriveExportRow>
{
    public const int PageSize = 50;

    public string Target => target;

    public ExportPosition Begin() => new(0, [], CreatedBefore: null);

    public async Task<ExportPage<PipedriveExportRow>> ReadAsync(ExportPosition position, CancellationToken cancellationToken)
    {
        var page = await client.ListPageAsync(position.Offset, PageSize, cancellationToken);
        return ExportPaging.Page(
            position, page.Items, callLog => callLog.Id, PipedriveExportRow.From, page.Pagination.MoreItemsInCollection, page.NextStart, "Pipedrive");
    }
}
