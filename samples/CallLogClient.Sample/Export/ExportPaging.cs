using System.Globalization;

namespace CallLogClient.Sample.Export;

/// <summary>
/// Turns one page of a provider's list into rows and the next position, the way the clients' <c>ListAllAsync</c> do:
/// a call log already on the previous page is skipped, and a page that says more follow but gives no way forward ends
/// the export instead of looping.
/// </summary>
internal static class ExportPaging
{
    public static ExportPage<TRow> Page<TItem, TRow>(
        ExportPosition position, IReadOnlyList<TItem> items, Func<TItem, string> idOf, Func<TItem, TRow> toRow, bool hasMore, int? nextOffset, string provider)
    {
        var rows = new List<TRow>(items.Count);
        var ids = new List<string>(items.Count);
        foreach (var item in items)
        {
            var id = idOf(item);
            if (id.Length > 0 && (position.LastPageIds.Contains(id, StringComparer.Ordinal) || ids.Contains(id, StringComparer.Ordinal)))
            {
                continue;
            }

            ids.Add(id);
            rows.Add(toRow(item));
        }

        if (!hasMore)
        {
            return new(rows, Next: null);
        }

        if (rows.Count == 0 || nextOffset is not { } next || next <= position.Offset)
        {
            throw new InvalidOperationException(
                $"{provider}: the page at offset {position.Offset} says more call logs follow but gives no way forward ({rows.Count} new on it, next offset {nextOffset?.ToString(CultureInfo.InvariantCulture) ?? "none"}).");
        }

        return new(rows, position with { Offset = next, LastPageIds = ids });
    }
}
