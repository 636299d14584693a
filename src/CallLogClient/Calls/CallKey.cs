namespace CallLogClient.Calls;

/// <summary>The marker <c>[call:KEY]</c> that records a call key in a note or subject, and the check of a key.</summary>
internal static class CallKey
{
    public const int MaxLength = 64;

    public static void Validate(string callKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(callKey);
        if (callKey.Length > MaxLength || !callKey.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or ':' or '-'))
        {
            throw new ArgumentException($"The call key must be 1 to {MaxLength} characters of A-Z a-z 0-9 . _ : -.", nameof(callKey));
        }
    }

    public static string Marker(string callKey) => "[call:" + callKey + "]";

    /// <summary>Whether the text holds this key's marker (and not merely a longer key's).</summary>
    public static bool IsIn(string? text, string callKey) =>
        text is not null && text.Contains(Marker(callKey), StringComparison.Ordinal);
}
