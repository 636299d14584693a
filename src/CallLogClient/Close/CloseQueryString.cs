using System.Globalization;
using System.Text;
using CallLogClient.Close.Models;

namespace CallLogClient.Close;

/// <summary>
/// Builds the query string of a call list, invariant culture, in a fixed order: <c>id__in</c>, <c>lead_id</c>,
/// <c>contact_id</c>, <c>user_id</c>, <c>organization_id</c>, the <c>date_created</c> and <c>activity_at</c> bounds,
/// <c>_fields</c>, <c>_skip</c>, <c>_limit</c>. Values are percent-encoded (so <c>+</c> in an offset is <c>%2B</c>);
/// list separators and the colons of times stay readable.
/// </summary>
internal static class CloseQueryString
{
    public static string ForList(CloseCallQuery? query, int skip, int limit)
    {
        var text = new StringBuilder();
        if (query is not null)
        {
            AppendList(text, "id__in", query.Ids);
            AppendList(text, "lead_id", query.LeadIds);
            AppendList(text, "contact_id", query.ContactIds);
            AppendList(text, "user_id", query.UserIds);
            Append(text, "organization_id", query.OrganizationId);
            AppendRange(text, "date_created", query.DateCreated);
            AppendRange(text, "activity_at", query.ActivityAt);
            AppendList(text, "_fields", query.Fields);
        }

        Append(text, "_skip", skip.ToString(CultureInfo.InvariantCulture));
        Append(text, "_limit", limit.ToString(CultureInfo.InvariantCulture));
        return text.ToString();
    }

    public static string ForFields(IEnumerable<string>? fields)
    {
        var text = new StringBuilder();
        AppendList(text, "_fields", fields?.ToList());
        return text.ToString();
    }

    private static void AppendRange(StringBuilder text, string name, CloseDateRange? range)
    {
        if (range is null)
        {
            return;
        }

        Append(text, name + "__gt", range.GreaterThan?.ToString());
        Append(text, name + "__gte", range.GreaterThanOrEqual?.ToString());
        Append(text, name + "__lt", range.LessThan?.ToString());
        Append(text, name + "__lte", range.LessThanOrEqual?.ToString());
    }

    private static void AppendList(StringBuilder text, string name, IReadOnlyList<string>? values)
    {
        if (values is not null)
        {
            Append(text, name, string.Join(',', values.Select(Escape)), escaped: true);
        }
    }

    private static void Append(StringBuilder text, string name, string? value, bool escaped = false)
    {
        if (value is null)
        {
            return;
        }

        if (text.Length > 0)
        {
            text.Append('&');
        }

        text.Append(name).Append('=').Append(escaped ? value : Escape(value));
    }

    private static string Escape(string value) => Uri.EscapeDataString(value).Replace("%3A", ":", StringComparison.Ordinal);
}
