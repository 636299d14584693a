namespace CallLogClient.Errors;

/// <summary>
/// The server answered with a redirect (3xx). The documented endpoints never redirect, and following one would send
/// the credential and the request body to whatever host the server names, so the client follows none: nothing was
/// sent to <see cref="RedirectHost"/>, and the call did not succeed.
/// </summary>
public sealed class CallLogRedirectException : CallLogApiException
{
    /// <summary>Creates the exception from the details of a failed call.</summary>
    /// <param name="details">What was sent and what came back.</param>
    /// <param name="redirectHost">The host (and port) the <c>Location</c> header named, without path or query.</param>
    public CallLogRedirectException(CallLogErrorDetails details, string? redirectHost)
        : base(details, innerException: null)
    {
        RedirectHost = redirectHost;
    }

    /// <summary>The host (and port) the redirect pointed to, without path or query; <see langword="null"/> without a <c>Location</c>.</summary>
    public string? RedirectHost { get; }
}
