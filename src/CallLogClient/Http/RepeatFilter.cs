namespace CallLogClient.Http;

/// <summary>
/// Offsets shift when items arrive while a list is read, so the top of a page can repeat the bottom of the one before.
/// Remembers the ids of the previous and the current page only, and tells which items were already returned.
/// </summary>
internal sealed class RepeatFilter
{
    private HashSet<string> previousPage = new(StringComparer.Ordinal);
    private HashSet<string> currentPage = new(StringComparer.Ordinal);

    /// <summary>How many items of the current page were not repeats.</summary>
    public int NewOnPage { get; private set; }

    /// <summary>True when the item was returned on this page or the previous one; an empty id is never a repeat.</summary>
    public bool IsRepeat(string id)
    {
        var repeat = id.Length > 0 && (!currentPage.Add(id) || previousPage.Contains(id));
        if (!repeat)
        {
            NewOnPage++;
        }

        return repeat;
    }

    /// <summary>
    /// The items of a page, in order, that are not repeats and that <paramref name="include"/> accepts (every item is
    /// checked for repeats); the page itself when that is all of them.
    /// </summary>
    public IReadOnlyList<T> NewItems<T>(IReadOnlyList<T> items, Func<T, string> id, Func<T, bool>? include = null)
    {
        List<T>? kept = null;
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var keep = !IsRepeat(id(item)) && (include is null || include(item));
            if (!keep && kept is null)
            {
                kept = new List<T>(items.Count - 1);
                for (var j = 0; j < i; j++)
                {
                    kept.Add(items[j]);
                }
            }
            else if (keep && kept is not null)
            {
                kept.Add(item);
            }
        }

        return kept ?? items;
    }

    public void NextPage()
    {
        (previousPage, currentPage) = (currentPage, previousPage);
        currentPage.Clear();
        NewOnPage = 0;
    }
}
