namespace CallLogClient.Testing;

/// <summary>One request the emulator received, as it arrived; credentials in its headers are masked.</summary>
/// <param name="Provider">Which emulated API it was sent to.</param>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">The path below the provider's base address, e.g. <c>/v1/callLogs/abc</c> or <c>/api/v1/activity/call/</c>.</param>
/// <param name="Query">The query string as sent, including the leading <c>?</c>, or empty.</param>
/// <param name="Headers">Every header; <c>x-api-token</c> and <c>Authorization</c> values are masked as <c>***</c>.</param>
/// <param name="Body">The body as sent (a multipart body included).</param>
public sealed record EmulatedRequest(
    EmulatedProvider Provider, string Method, string Path, string Query, IReadOnlyDictionary<string, string> Headers, ReadOnlyMemory<byte> Body)
{
    /// <summary>What the emulator's <see cref="Misbehaviour"/> did to this request (<see cref="Fault.None"/> when it was served).</summary>
    public Fault Fault { get; init; }

    /// <summary>The delay the emulator's <see cref="Misbehaviour"/> added before answering this request.</summary>
    public TimeSpan Latency { get; init; }

    /// <summary>The body as UTF-8 text.</summary>
    public string BodyText => System.Text.Encoding.UTF8.GetString(Body.Span);

    /// <summary>A header's value, or <see langword="null"/> when it was not sent (names are case-insensitive).</summary>
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}

/// <summary>The APIs the emulator serves.</summary>
public enum EmulatedProvider
{
    /// <summary>Pipedrive Call Logs (API v1).</summary>
    Pipedrive,

    /// <summary>Close Call activities.</summary>
    Close,
}
