using System.Text.Json.Nodes;

namespace CallLogClient.Http;

/// <summary>Checks shared by both providers' request validators; each failure names the field, never its value.</summary>
internal static class ValueRules
{
    /// <summary>The longest phone number accepted: E.164 has at most 15 digits; this leaves room for formatting and an extension.</summary>
    public const int MaxPhoneNumberLength = 40;

    /// <summary>How deep a custom field value may nest: System.Text.Json's default maximum depth.</summary>
    public const int MaxCustomFieldDepth = 64;

    /// <summary>The earliest instant a request may carry.</summary>
    public static readonly DateTimeOffset EarliestInstant = DateTimeOffset.UnixEpoch;

    /// <summary>The first instant past the latest a request may carry: far enough from <see cref="DateTimeOffset.MaxValue"/> that date arithmetic cannot overflow.</summary>
    public static readonly DateTimeOffset InstantLimit = new(9000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static void RequireSupportedInstant(DateTimeOffset? value, string paramName)
    {
        if (value is { } instant && (instant < EarliestInstant || instant >= InstantLimit))
        {
            throw new ArgumentOutOfRangeException(paramName, "Must lie between 1970-01-01 and 9000-01-01 (UTC).");
        }
    }

    /// <summary>A phone number as text: no control characters (a CR/LF or NUL could forge or cut what is stored) and not over 40 characters.</summary>
    public static void RequirePhoneText(string? value, string paramName)
    {
        if (value is not null && (value.Length > MaxPhoneNumberLength || value.Any(char.IsControl)))
        {
            throw new ArgumentException(
                $"A phone number has at most {MaxPhoneNumberLength} characters and no control characters (CR, LF, NUL, ...).", paramName);
        }
    }

    /// <summary>A JSON value that can be written: nested at most 64 deep, with finite numbers only.</summary>
    public static void RequireWritableJson(JsonNode? value, string paramName)
    {
        var pending = new Stack<(JsonNode Node, int Depth)>();
        if (value is not null)
        {
            pending.Push((value, 1));
        }

        while (pending.TryPop(out var item))
        {
            if (item.Depth > MaxCustomFieldDepth)
            {
                throw new ArgumentException($"A custom field value nests deeper than {MaxCustomFieldDepth} levels.", paramName);
            }

            switch (item.Node)
            {
                case JsonObject obj:
                    PushChildren(obj.Select(property => property.Value), item.Depth, pending);
                    break;
                case JsonArray array:
                    PushChildren(array, item.Depth, pending);
                    break;
                case JsonValue number when !IsFinite(number):
                    throw new ArgumentException("A custom field value holds NaN or infinity, which JSON cannot carry.", paramName);
            }
        }
    }

    private static void PushChildren(IEnumerable<JsonNode?> children, int depth, Stack<(JsonNode, int)> pending)
    {
        foreach (var child in children)
        {
            if (child is not null)
            {
                pending.Push((child, depth + 1));
            }
        }
    }

    private static bool IsFinite(JsonValue number) =>
        (!number.TryGetValue<double>(out var d) || double.IsFinite(d)) && (!number.TryGetValue<float>(out var f) || float.IsFinite(f));
}
