namespace CallLogClient.Pipedrive.Models;

/// <summary>One page of call logs and where the next one starts.</summary>
public sealed class PipedriveCallLogPage
{
    /// <summary>Creates a page; for tests and fakes of <see cref="IPipedriveCallLogsClient"/>.</summary>
    /// <param name="items">The call logs on the page.</param>
    /// <param name="pagination">The paging block.</param>
    public PipedriveCallLogPage(IReadOnlyList<PipedriveCallLog> items, PipedrivePagination pagination)
    {
        Items = items;
        Pagination = pagination;
    }

    /// <summary>The call logs on this page.</summary>
    public IReadOnlyList<PipedriveCallLog> Items { get; }

    /// <summary>The paging block as the server sent it.</summary>
    public PipedrivePagination Pagination { get; }

    /// <summary>
    /// The <c>start</c> of the next page (<c>next_start</c>, else this page's <c>start</c> plus its items), or
    /// <see langword="null"/> on the last page or when the server gave neither.
    /// </summary>
    public int? NextStart => Pagination.MoreItemsInCollection && Items.Count > 0
        ? Pagination.NextStart ?? Pagination.Start + Items.Count
        : null;
}
