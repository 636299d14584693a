namespace CallLogClient.Http;

/// <summary>The one check every secret passes before it goes into a header: no white space, no control characters.</summary>
internal static class CredentialText
{
    /// <summary>True for text that can travel in a header as is (a pasted token with a newline cannot).</summary>
    public static bool IsHeaderSafe(string? value) =>
        !string.IsNullOrEmpty(value) && !value.Any(c => char.IsWhiteSpace(c) || char.IsControl(c));

    public static string Require(string value, string paramName, string kind)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value, paramName);
        return IsHeaderSafe(value)
            ? value
            : throw new ArgumentException($"The {kind} contains white space or control characters; check what was pasted.", paramName);
    }
}
