using System.Runtime.CompilerServices;
using CallLogClient.Close.Models;
using CallLogClient.Http;

namespace CallLogClient.Close;

/// <summary>
/// Walks the pages of one list from its first page, holding one page at a time. A call already returned on the
/// previous page is skipped: when calls arrive while a list is read, offsets shift and the top of a page repeats the
/// bottom of the one before. A page that says more follow but is empty, or only repeats the one before, ends the walk
/// with a typed exception instead of stopping silently or looping.
/// </summary>
internal sealed class ClosePaging(
    Func<int, CancellationToken, Task<ApiResponse<CloseCallActivityPage>>> readPageAt, RequestExecutor executor, int maxSkip, string pastCapMessage)
{
    /// <summary>Walks on from <paramref name="first"/>, which is emptied so that the walk alone holds the page.</summary>
    public async IAsyncEnumerable<CloseCallActivity> ContinueAsync(
        StrongBox<ApiResponse<CloseCallActivityPage>?> first,
        Func<CloseCallActivity, bool> include,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var repeats = new RepeatFilter();
        var response = first.Value!;
        first.Value = null;
        while (true)
        {
            var page = response.Value;
            foreach (var call in page.Items)
            {
                if (!repeats.IsRepeat(call.Id) && include(call))
                {
                    yield return call;
                }
            }

            if (!page.HasMore)
            {
                yield break;
            }

            if (page.Items.Count == 0 || repeats.NewOnPage == 0)
            {
                var problem = page.Items.Count == 0
                    ? $"The page at _skip={page.Skip} says more calls follow (has_more) but holds none."
                    : $"The page at _skip={page.Skip} repeats the previous page.";
                throw PagingFailure.Create(executor, response, problem);
            }

            var next = page.NextSkip!.Value;
            if (next > maxSkip)
            {
                throw new InvalidOperationException(pastCapMessage);
            }

            repeats.NextPage();
            response = await readPageAt(next, cancellationToken).ConfigureAwait(false);
        }
    }
}
