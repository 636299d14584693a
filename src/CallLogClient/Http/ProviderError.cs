namespace CallLogClient.Http;

/// <summary>What a provider's error body said, as far as it could be read.</summary>
internal sealed record ProviderError(string? Message, string? Code = null, IReadOnlyDictionary<string, string>? FieldErrors = null)
{
    public static readonly ProviderError None = new(Message: null);
}
