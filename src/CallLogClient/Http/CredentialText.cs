namespace CallLogClient.Http;

/// <summary>The one check every secret passes before it goes into a header: visible ASCII only.</summary>
internal static class CredentialText
{
    /// <summary>
    /// True for text that can travel in a header as is: a pasted token with a newline could inject a header, and one with
    /// a non-ASCII character cannot be encoded, so every call would fail to send.
    /// </summary>
    public static bool IsHeaderSafe(string? value) => !string.IsNullOrEmpty(value) && IsVisibleAscii(value);

    /// <summary>True when every character is printable ASCII other than the space (<c>!</c> to <c>~</c>).</summary>
    public static bool IsVisibleAscii(string value) => value.All(c => c is > ' ' and <= '~');

    public static string Require(string value, string paramName, string kind)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value, paramName);
        return IsHeaderSafe(value)
            ? value
            : throw new ArgumentException(
                $"The {kind} contains white space, control or non-ASCII characters; check what was pasted.", paramName);
    }
}
