namespace CallLogClient.Http;

/// <summary>What every request of a provider's <see cref="HttpClient"/> carries: the base address and the User-Agent.</summary>
internal static class ApiHttpClient
{
    /// <summary>Sets both on a client that has sent nothing yet.</summary>
    /// <param name="client">The client.</param>
    /// <param name="baseAddress">The provider's base address; a path in it (e.g. <c>/api/v1/</c>) is kept before every endpoint path.</param>
    /// <param name="applicationId">The caller's application id for the User-Agent, if any.</param>
    public static void Configure(HttpClient client, Uri baseAddress, string? applicationId)
    {
        client.BaseAddress = BaseAddressValidator.Normalize(baseAddress, nameof(baseAddress));
        client.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", UserAgent.For(applicationId));
    }
}
