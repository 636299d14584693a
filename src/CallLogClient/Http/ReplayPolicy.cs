namespace CallLogClient.Http;

/// <summary>When a request may be sent again after a failed attempt.</summary>
internal enum ReplayPolicy
{
    /// <summary>Sending it twice does no harm (GET, DELETE, Close PUT, an upload from a rewindable stream).</summary>
    Idempotent,

    /// <summary>A create: resent only when the server provably did not process it (429, never connected).</summary>
    CreateOnce,

    /// <summary>Never resent (an upload from a stream that cannot be rewound).</summary>
    Never,
}
