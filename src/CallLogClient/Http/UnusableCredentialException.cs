namespace CallLogClient.Http;

/// <summary>
/// The access token provider returned nothing that can be sent (null, empty, white space, control or non-ASCII
/// characters); the attempt is not sent, and the caller gets a <see cref="Errors.CallLogAuthenticationException"/>.
/// </summary>
internal sealed class UnusableCredentialException(string message) : Exception(message);
