using System.Runtime.CompilerServices;
using CallLogClient.Close.Models;

namespace CallLogClient.Close;

/// <summary>
/// Walks the pages of one list from its first page, holding one page at a time. A call already returned on the
/// previous page is skipped: when calls arrive while a list is read, offsets shift and the top of a page repeats the
/// bottom of the one before.
/// </summary>
internal static class ClosePaging
{
    public static async IAsyncEnumerable<CloseCallActivity> ContinueAsync(
        CloseCallActivityPage first,
        Func<int, CancellationToken, Task<CloseCallActivityPage>> readPageAt,
        int maxSkip,
        Func<CloseCallActivity, bool> include,
        string pastCapMessage,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var previousIds = new HashSet<string>(StringComparer.Ordinal);
        var page = first;
        while (true)
        {
            var pageIds = new HashSet<string>(page.Items.Count, StringComparer.Ordinal);
            foreach (var call in page.Items)
            {
                var repeated = call.Id.Length > 0 && (!pageIds.Add(call.Id) || previousIds.Contains(call.Id));
                if (!repeated && include(call))
                {
                    yield return call;
                }
            }

            if (page.NextSkip is not { } next)
            {
                yield break;
            }

            if (next > maxSkip)
            {
                throw new InvalidOperationException(pastCapMessage);
            }

            previousIds = pageIds;
            page = await readPageAt(next, cancellationToken).ConfigureAwait(false);
        }
    }
}
