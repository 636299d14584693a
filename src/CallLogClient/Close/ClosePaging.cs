using System.Runtime.CompilerServices;
using CallLogClient.Close.Models;
using CallLogClient.Http;

namespace CallLogClient.Close;

/// <summary>
/// Walks the pages of one list through the <see cref="Pager{TPage, TItem}"/>, never asking for a page past
/// <c>maxSkip</c>. A call already returned on the previous page is skipped: when calls arrive while a list is read,
/// offsets shift and the top of a page repeats the bottom of the one before. A page that says more follow but is empty,
/// or only repeats the one before, ends the walk with a typed exception instead of stopping silently or looping.
/// </summary>
internal sealed class ClosePaging(
    Func<int, CancellationToken, Task<ApiResponse<CloseCallActivityPage>>> readPageAt,
    RequestExecutor executor,
    int maxSkip,
    string pastCapMessage,
    int pageSize,
    int pagesInFlight)
{
    /// <summary>Walks the whole list from its first page.</summary>
    public IAsyncEnumerable<CloseCallActivity> ReadAsync(CancellationToken cancellationToken) =>
        Pager(static _ => true).ReadAsync(0, cancellationToken);

    /// <summary>Walks on from <paramref name="first"/>, which is emptied so that the walk alone holds the page.</summary>
    public IAsyncEnumerable<CloseCallActivity> ContinueAsync(
        StrongBox<ApiResponse<CloseCallActivityPage>?> first, Func<CloseCallActivity, bool> include, CancellationToken cancellationToken) =>
        Pager(include).ContinueAsync(first, first.Value!.Value.Skip, cancellationToken);

    private Pager<ApiResponse<CloseCallActivityPage>, CloseCallActivity> Pager(Func<CloseCallActivity, bool> include) =>
        new(readPageAt, (response, _, repeats) => Step(response, include, repeats), pageSize, pagesInFlight, maxSkip);

    private PageStep<CloseCallActivity> Step(
        ApiResponse<CloseCallActivityPage> response, Func<CloseCallActivity, bool> include, RepeatFilter repeats)
    {
        var page = response.Value;
        var items = repeats.NewItems(page.Items, static call => call.Id, include);
        if (!page.HasMore)
        {
            return new(items, Next: null);
        }

        if (page.Items.Count == 0 || repeats.NewOnPage == 0)
        {
            var problem = page.Items.Count == 0
                ? $"The page at _skip={page.Skip} says more calls follow (has_more) but holds none."
                : $"The page at _skip={page.Skip} repeats the previous page.";
            return new(items, Next: null, PagingFailure.Create(executor, response, problem));
        }

        var next = page.NextSkip!.Value;
        if (next > maxSkip)
        {
            return new(items, Next: null, new InvalidOperationException(pastCapMessage));
        }

        repeats.NextPage();
        return new(items, next);
    }
}
