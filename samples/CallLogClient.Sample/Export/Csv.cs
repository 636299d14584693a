using System.Text;

namespace CallLogClient.Sample.Export;

/// <summary>RFC 4180 records: fields separated by commas, CRLF after each record, and a field quoted (its quotes doubled) when it holds a comma, a quote or a line break.</summary>
internal static class Csv
{
    public static void AppendRecord(StringBuilder line, IEnumerable<string?> fields)
    {
        var first = true;
        foreach (var field in fields)
        {
            if (!first)
            {
                line.Append(',');
            }

            first = false;
            AppendField(line, field ?? "");
        }

        line.Append("\r\n");
    }

    private static void AppendField(StringBuilder line, string field)
    {
        if (field.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            line.Append(field);
            return;
        }

        line.Append('"').Append(field.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
    }
}
