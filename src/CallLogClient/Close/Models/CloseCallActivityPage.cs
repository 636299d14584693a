namespace CallLogClient.Close.Models;

/// <summary>One page of call activities and where the next one starts.</summary>
public sealed class CloseCallActivityPage
{
    /// <summary>Creates a page; for tests and fakes of <see cref="ICloseCallActivitiesClient"/>.</summary>
    /// <param name="items">The call activities on the page.</param>
    /// <param name="hasMore">Whether more call activities follow (Close's <c>has_more</c>).</param>
    /// <param name="skip">The <c>_skip</c> this page was read with.</param>
    public CloseCallActivityPage(IReadOnlyList<CloseCallActivity> items, bool hasMore, int skip)
    {
        ArgumentNullException.ThrowIfNull(items);
        Items = items;
        HasMore = hasMore;
        Skip = skip;
    }

    /// <summary>The call activities on this page, in the server's order.</summary>
    public IReadOnlyList<CloseCallActivity> Items { get; }

    /// <summary>Whether more call activities follow this page.</summary>
    public bool HasMore { get; }

    /// <summary>The <c>_skip</c> this page was read with.</summary>
    public int Skip { get; }

    /// <summary>
    /// The <c>_skip</c> of the next page (this page's skip plus the number of items it holds), or
    /// <see langword="null"/> on the last page.
    /// </summary>
    public int? NextSkip => HasMore && Items.Count > 0 ? Skip + Items.Count : null;
}
