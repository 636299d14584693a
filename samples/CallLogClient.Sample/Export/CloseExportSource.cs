using CallLogClient.Close;
using CallLogClient.Close.Models;

namespace CallLogClient.Sample.Export;

/// <summary>
/// Close call activities, page by page with <c>_skip</c>/<c>_limit</c> (<see cref="ICloseCallActivitiesClient.ListPageAsync"/>,
/// the pages behind <c>ListAllAsync</c>), only those created before the export first started: Close lists the newest
/// first, so without the cut-off every call created during the export (or between a kill and the restart) would shift
/// the offsets. Only <see cref="CloseExportRow.Fields"/> are fetched.
/// </summary>
internal sealed class CloseExportSource(ICloseCallActivitiesClient client, string target, TimeProvider timeProvider) : IExportSource<CloseExportRow>
{
    public const int PageSize = 100;

    /// <summary>Close refuses a <c>_skip</c> past this.</summary>
    public const int MaxSkip = 250_000;

    public string Target => target;

    public ExportPosition Begin()
    {
        var now = timeProvider.GetUtcNow();
        return new(0, [], CreatedBefore: now.AddTicks(-(now.Ticks % TimeSpan.TicksPerSecond)));
    }

    public async Task<ExportPage<CloseExportRow>> ReadAsync(ExportPosition position, CancellationToken cancellationToken)
    {
        var query = new CloseCallQuery
        {
            DateCreated = new CloseDateRange { LessThan = position.CreatedBefore ?? throw new InvalidOperationException("The Close position has no cut-off.") },
            Fields = CloseExportRow.Fields,
        };
        var page = await client.ListPageAsync(query, position.Offset, PageSize, cancellationToken);
        if (page.NextSkip > MaxSkip)
        {
            throw new InvalidOperationException(
                $"Close lists at most {MaxSkip:N0} calls by offset (its _skip cap); this export stopped there, after {page.Skip + page.Items.Count:N0} calls.");
        }

        return ExportPaging.Page(position, page.Items, call => call.Id, CloseExportRow.From, page.HasMore, page.NextSkip, "Close");
    }
}
