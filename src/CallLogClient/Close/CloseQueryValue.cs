namespace CallLogClient.Close;

/// <summary>
/// Query values in Close's wire form, already percent-encoded: list items encoded one by one and joined by readable
/// commas, times with readable colons (<c>+</c> in an offset is <c>%2B</c>). Null in, null out: the parameter is left out.
/// </summary>
internal static class CloseQueryValue
{
    public static string? Text(string? value) => value is null ? null : Escape(value);

    public static string? List(IEnumerable<string>? values) => values is null ? null : string.Join(',', values.Select(Escape));

    public static string? Date(CloseDateValue? value) => value is { } date ? Escape(date.ToString()) : null;

    private static string Escape(string value) => Uri.EscapeDataString(value).Replace("%3A", ":", StringComparison.Ordinal);
}
