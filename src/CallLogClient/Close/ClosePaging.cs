using System.Runtime.CompilerServices;
using CallLogClient.Close.Models;
using CallLogClient.Http;

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
        var repeats = new RepeatFilter();
        var page = first;
        while (true)
        {
            foreach (var call in page.Items)
            {
                if (!repeats.IsRepeat(call.Id) && include(call))
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

            repeats.NextPage();
            page = await readPageAt(next, cancellationToken).ConfigureAwait(false);
        }
    }
}
