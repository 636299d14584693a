using System.Globalization;
using System.Net;
using System.Text.Json;
using CallLogClient.Diagnostics;
using CallLogClient.Http;
using CallLogClient.RateLimiting;

namespace CallLogClient.Close;

/// <summary>
/// Close's error bodies, rate-limit headers and delay hints. Every parser here reads whatever arrives and never throws.
/// </summary>
/// <remarks>
/// Error bodies: <c>{"error": "..."}</c>, <c>{"error": {"message": ...}}</c>, <c>{"errors": [...], "field-errors":
/// {...}}</c>, the legacy flat 429 body <c>{"message": ..., "rate_reset": ...}</c>, empty bodies and text or HTML.
/// Rate limits: <c>RateLimit: limit=100, remaining=50, reset=5</c> (reset in possibly fractional seconds), or the
/// legacy <c>X-Rate-Limit-Limit/-Remaining/-Reset</c> headers.
/// </remarks>
internal sealed class CloseProtocol : IProviderProtocol
{
    public static readonly CloseProtocol Instance = new();

    private const string RateLimitHeader = "RateLimit";
    private const string LegacyLimitHeader = "X-Rate-Limit-Limit";
    private const string LegacyRemainingHeader = "X-Rate-Limit-Remaining";
    private const string LegacyResetHeader = "X-Rate-Limit-Reset";

    public CallLogProvider Provider => CallLogProvider.Close;

    public ProviderError ParseError(ReadOnlySpan<byte> body, string? mediaType)
    {
        if (ErrorBodyText.LooksLikeJsonObject(body) && ParseJson(body) is { } root)
        {
            var error = FromJson(root);
            if (error is not null)
            {
                return error;
            }
        }

        return new ProviderError(ErrorBodyText.Describe(body, mediaType));
    }

    public RateLimitInfo? ParseRateLimit(HttpResponseMessage response, DateTimeOffset receivedAt)
    {
        var (limit, remaining, reset) = ReadRateLimitHeader(response);
        if (limit is null && remaining is null && reset is null)
        {
            limit = IntHeader(response, LegacyLimitHeader);
            remaining = IntHeader(response, LegacyRemainingHeader);
            reset = Header(response, LegacyResetHeader) is { } legacyReset ? Seconds(legacyReset) : null;
        }

        if (limit is null && remaining is null && reset is null)
        {
            return null;
        }

        return new RateLimitInfo { Limit = limit, Remaining = remaining, ResetAfter = reset, ResetsAt = receivedAt + reset };
    }

    /// <summary>
    /// In Close's order of precision: the <c>RateLimit</c> reset (on a 429), <c>Retry-After</c> (the reset rounded up),
    /// then the deprecated 429 body's <c>rate_reset</c>, nested under <c>error</c> or at the top level.
    /// </summary>
    public TimeSpan? ParseRetryDelay(HttpResponseMessage response, ReadOnlySpan<byte> body, DateTimeOffset now)
    {
        var tooManyRequests = response.StatusCode == HttpStatusCode.TooManyRequests;
        if (tooManyRequests && ReadRateLimitHeader(response).Reset is { } reset)
        {
            return reset;
        }

        return RetryAfterHeader.Parse(response, now) ?? (tooManyRequests ? BodyRateReset(body) : null);
    }

    private static ProviderError? FromJson(JsonElement root)
    {
        var recognized = false;
        var messages = new List<string>();
        if (root.TryGetProperty("error", out var error))
        {
            recognized = true;
            AddText(messages, error.ValueKind == JsonValueKind.Object && error.TryGetProperty("message", out var nested) ? nested : error);
        }

        if (root.TryGetProperty("errors", out var errors))
        {
            recognized = true;
            if (errors.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in errors.EnumerateArray())
                {
                    AddText(messages, item);
                }
            }
            else
            {
                AddText(messages, errors);
            }
        }

        var fieldErrors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (root.TryGetProperty("field-errors", out var fields))
        {
            recognized = true;
            if (fields.ValueKind == JsonValueKind.Object)
            {
                foreach (var field in fields.EnumerateObject())
                {
                    var text = Redactor.MaskPhoneNumbers(Text(field.Value)) ?? "";
                    fieldErrors[field.Name] = text;
                    messages.Add($"{field.Name}: {text}");
                }
            }
        }

        if (!recognized && root.TryGetProperty("message", out var flatMessage))
        {
            recognized = true;
            AddText(messages, flatMessage);
        }

        if (!recognized)
        {
            return null;
        }

        return new ProviderError(messages.Count == 0 ? null : string.Join("; ", messages), FieldErrors: fieldErrors);
    }

    private static TimeSpan? BodyRateReset(ReadOnlySpan<byte> body)
    {
        if (!ErrorBodyText.LooksLikeJsonObject(body) || ParseJson(body) is not { } root)
        {
            return null;
        }

        if (root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object
            && error.TryGetProperty("rate_reset", out var nested))
        {
            return SecondsOf(nested);
        }

        return root.TryGetProperty("rate_reset", out var flat) ? SecondsOf(flat) : null;
    }

    private static (int? Limit, int? Remaining, TimeSpan? Reset) ReadRateLimitHeader(HttpResponseMessage response)
    {
        int? limit = null;
        int? remaining = null;
        TimeSpan? reset = null;
        if (Header(response, RateLimitHeader) is not { } header)
        {
            return (limit, remaining, reset);
        }

        var text = header.AsSpan();
        foreach (var range in text.SplitAny(",;"))
        {
            var item = text[range];
            var separator = item.IndexOf('=');
            if (separator <= 0)
            {
                continue;
            }

            var key = item[..separator].Trim();
            var value = item[(separator + 1)..].Trim().Trim('"');
            if (key.Equals("limit", StringComparison.OrdinalIgnoreCase))
            {
                limit ??= Int(value);
            }
            else if (key.Equals("remaining", StringComparison.OrdinalIgnoreCase))
            {
                remaining ??= Int(value);
            }
            else if (key.Equals("reset", StringComparison.OrdinalIgnoreCase))
            {
                reset ??= Seconds(value);
            }
        }

        return (limit, remaining, reset);
    }

    private static JsonElement? ParseJson(ReadOnlySpan<byte> body)
    {
        try
        {
            var reader = new Utf8JsonReader(body);
            using var document = JsonDocument.ParseValue(ref reader);
            return document.RootElement.ValueKind == JsonValueKind.Object ? document.RootElement.Clone() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static void AddText(List<string> messages, JsonElement value)
    {
        if (Text(value) is { Length: > 0 } text)
        {
            messages.Add(text);
        }
    }

    private static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.Array when value.GetArrayLength() > 0 && value.EnumerateArray().All(v => v.ValueKind == JsonValueKind.String) =>
            string.Join("; ", value.EnumerateArray().Select(v => v.GetString())),
        _ => value.GetRawText(),
    };

    private static TimeSpan? SecondsOf(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => Seconds(value.GetRawText()),
        JsonValueKind.String => Seconds(value.GetString()),
        _ => null,
    };

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.NonValidated.TryGetValues(name, out var values) ? values.ToString() : null;

    private static int? IntHeader(HttpResponseMessage response, string name) => Header(response, name) is { } value ? Int(value) : null;

    private static int? Int(ReadOnlySpan<char> value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number : null;

    /// <summary>Non-negative seconds, possibly fractional; a negative, absurd or malformed value is no hint at all.</summary>
    private static TimeSpan? Seconds(ReadOnlySpan<char> value) =>
        decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds is >= 0 and <= int.MaxValue
            ? TimeSpan.FromSeconds((double)seconds)
            : null;
}
