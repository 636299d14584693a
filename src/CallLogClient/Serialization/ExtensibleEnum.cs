namespace CallLogClient.Serialization;

/// <summary>The comparison every extensible enum uses: ordinal, case-insensitive, on the raw value.</summary>
internal static class ExtensibleEnum
{
    public static bool Equals(string? left, string? right) => string.Equals(left, right, StringComparison.OrdinalIgnoreCase);

    public static int GetHashCode(string? value) => value is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(value);

    public static string RequireValue(string value, string paramName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value, paramName);
        return value;
    }

    public static bool IsOneOf(string? value, string[] known) => known.Any(k => Equals(k, value));
}
