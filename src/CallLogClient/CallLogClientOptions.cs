using CallLogClient.RateLimiting;

namespace CallLogClient;

/// <summary>Settings shared by every provider's client.</summary>
public abstract class CallLogClientOptions
{
    /// <summary>How the client retries and times out.</summary>
    public RetryOptions Retry { get; set; } = new();

    /// <summary>
    /// An opt-in client-side budget that makes calls wait instead of drawing a 429; <see langword="null"/> (the default)
    /// sends at once.
    /// </summary>
    public RequestBudget? RequestBudget { get; set; }

    /// <summary>
    /// The clock behind every backoff wait, timeout, budget window and rate-limit time the client computes; replace it
    /// in tests. Default <see cref="TimeProvider.System"/>.
    /// </summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// An optional application name appended to the User-Agent header: 1 to 24 visible ASCII characters (no spaces).
    /// </summary>
    public string? ApplicationId { get; set; }

    /// <summary>
    /// The most bytes of one response body the client reads (after decompression); a longer body fails the call with
    /// <see cref="Errors.CallLogResponseFormatException"/> instead of filling memory. Default 16 MiB, about 100 pages of
    /// the largest documented list; raise it for transcripts of very long calls.
    /// </summary>
    public int MaxResponseBodyBytes { get; set; } = DefaultMaxResponseBodyBytes;

    /// <summary>
    /// The most connections the client opens to the provider at once; further concurrent calls wait for a free one.
    /// Default 20. (Applies to the transport the client builds; a primary handler replaced in dependency injection keeps its own.)
    /// </summary>
    public int MaxConnectionsPerServer { get; set; } = DefaultMaxConnectionsPerServer;

    /// <summary>
    /// How many pages a <c>ListAll…</c> enumeration works with at once: while the caller reads one page, the next
    /// <c>PagesInFlight - 1</c> (at the offsets the list's paging predicts) are already being fetched. 1 reads one page
    /// at a time; default 2; at most 8. Items still come in order, each once, and memory holds at most this many pages.
    /// A page fetched ahead that turns out not to be needed (the list ended, the server named another offset, the caller
    /// stopped) is cancelled, so a list costs at most <c>PagesInFlight - 1</c> requests past its last page. Every request
    /// counts against <see cref="RequestBudget"/>.
    /// </summary>
    public int PagesInFlight { get; set; } = DefaultPagesInFlight;

    internal const int DefaultPagesInFlight = 2;

    internal const int MaxPagesInFlight = 8;

    internal const int DefaultMaxResponseBodyBytes = 16 * 1024 * 1024;

    internal const int DefaultMaxConnectionsPerServer = 20;

    /// <summary>Where these options were bound from (<c>CallLogs:Pipedrive</c>); validation messages name its keys.</summary>
    internal string? ConfigurationPath { get; set; }

    /// <summary>A configuration value that could not be turned into a setting (its key is the parameter name).</summary>
    internal ArgumentException? ConfigurationProblem { get; set; }

    /// <summary>
    /// A copy the client keeps for its lifetime, taken once when it is built: changing the caller's options object (or
    /// its <see cref="Retry"/> or <see cref="RequestBudget"/>) afterwards changes nothing.
    /// </summary>
    internal TOptions Snapshot<TOptions>()
        where TOptions : CallLogClientOptions
    {
        var copy = (TOptions)MemberwiseClone();
        copy.Retry = Retry.Clone();
        copy.RequestBudget = RequestBudget?.Clone();
        return copy;
    }

    /// <summary>The configuration key a validation parameter name stands for (<c>Retry.MaxRetries</c> → <c>Retry:MaxRetries</c>).</summary>
    internal virtual string ConfigurationKeyOf(string parameterName) => parameterName.Replace('.', ':');

    internal virtual void Validate()
    {
        if (ConfigurationProblem is { } problem)
        {
            throw problem;
        }

        ArgumentNullException.ThrowIfNull(Retry, nameof(Retry));
        ArgumentNullException.ThrowIfNull(TimeProvider, nameof(TimeProvider));
        Retry.Validate(nameof(Retry) + ".");
        RequestBudget?.Validate(nameof(RequestBudget) + ".");
        if (ApplicationId is { } id && (id.Length is 0 or > 24 || !Http.CredentialText.IsVisibleAscii(id)))
        {
            throw new ArgumentException("ApplicationId must be 1 to 24 visible ASCII characters (no white space).", nameof(ApplicationId));
        }

        if (MaxResponseBodyBytes < 1024)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxResponseBodyBytes), MaxResponseBodyBytes, "Must be at least 1024 bytes.");
        }

        if (PagesInFlight is < 1 or > MaxPagesInFlight)
        {
            throw new ArgumentOutOfRangeException(nameof(PagesInFlight), PagesInFlight, $"Must be 1 (one page at a time) to {MaxPagesInFlight}.");
        }

        if (MaxConnectionsPerServer < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxConnectionsPerServer), MaxConnectionsPerServer, "Must be at least 1.");
        }
    }
}
