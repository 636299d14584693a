using System.Globalization;
using System.Net;
using System.Text.Json;
using CallLogClient.Http;
using CallLogClient.RateLimiting;

namespace CallLogClient.Pipedrive;

/// <summary>Pipedrive's error bodies, rate-limit headers and delay hints.</summary>
internal sealed class PipedriveProtocol : IProviderProtocol
{
    public static readonly PipedriveProtocol Instance = new();

    public CallLogProvider Provider => CallLogProvider.Pipedrive;

    public ProviderError ParseError(ReadOnlySpan<byte> body, string? mediaType)
    {
        if (ErrorBodyText.LooksLikeJsonObject(body))
        {
            try
            {
                var error = JsonSerializer.Deserialize(body, PipedriveJsonContext.Default.PipedriveErrorBody);
                if (error?.Error is not null || error?.Code is not null)
                {
                    return new ProviderError(error.Error, error.Code ?? CodeText(error.ErrorCode));
                }
            }
            catch (JsonException)
            {
                // Not Pipedrive's JSON after all: described as text below.
            }
        }

        return new ProviderError(ErrorBodyText.Describe(body, mediaType));
    }

    public RateLimitInfo? ParseRateLimit(HttpResponseMessage response, DateTimeOffset receivedAt)
    {
        var limit = IntHeader(response, "x-ratelimit-limit");
        var remaining = IntHeader(response, "x-ratelimit-remaining");
        var reset = RetryAfterHeader.TryParseDecimalSeconds(response, "x-ratelimit-reset");
        var daily = IntHeader(response, "x-daily-requests-left");
        if (limit is null && remaining is null && reset is null && daily is null)
        {
            return null;
        }

        return new RateLimitInfo
        {
            Limit = limit,
            Remaining = remaining,
            ResetAfter = reset,
            ResetsAt = receivedAt + reset,
            DailyRequestsLeft = daily,
        };
    }

    public TimeSpan? ParseRetryDelay(HttpResponseMessage response, ReadOnlySpan<byte> body, DateTimeOffset now) =>
        RetryAfterHeader.Parse(response, now)
        ?? (response.StatusCode == HttpStatusCode.TooManyRequests
            ? RetryAfterHeader.TryParseDecimalSeconds(response, "x-ratelimit-reset")
            : null);

    private static int? IntHeader(HttpResponseMessage response, string name) =>
        response.Headers.NonValidated.TryGetValues(name, out var values)
        && int.TryParse(values.ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;

    private static string? CodeText(JsonElement? code) => code?.ValueKind switch
    {
        JsonValueKind.String => code.Value.GetString(),
        JsonValueKind.Number => code.Value.GetRawText(),
        _ => null,
    };
}
