using CallLogClient.RateLimiting;

namespace CallLogClient.Http;

/// <summary>What differs between providers below the public client: error bodies, rate-limit headers, delay hints.</summary>
internal interface IProviderProtocol
{
    CallLogProvider Provider { get; }

    /// <summary>Reads an error body; never throws, whatever the bytes are.</summary>
    ProviderError ParseError(ReadOnlySpan<byte> body, string? mediaType);

    /// <summary>Reads the rate-limit headers of any response; null when it carried none.</summary>
    RateLimitInfo? ParseRateLimit(HttpResponseMessage response, DateTimeOffset receivedAt);

    /// <summary>The wait the server asked for before the next attempt (429/503), from headers or body; null for none.</summary>
    TimeSpan? ParseRetryDelay(HttpResponseMessage response, ReadOnlySpan<byte> body, DateTimeOffset now);
}
