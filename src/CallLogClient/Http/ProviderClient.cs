using CallLogClient.Diagnostics;
using Microsoft.Extensions.Logging;

namespace CallLogClient.Http;

/// <summary>What a provider brings to <see cref="ClientRegistration"/>.</summary>
/// <param name="HttpClientName">The provider's <see cref="HttpClient"/> name; other names than the default append <c>.name</c>.</param>
/// <param name="Protocol">The provider's protocol.</param>
/// <param name="BaseAddress">Where the options say calls go.</param>
/// <param name="Credential">The credential the options hold (validated: never null).</param>
/// <param name="Create">Builds the client over frozen options and a source of the named <see cref="HttpClient"/>, and the container's telemetry.</param>
internal sealed record ProviderClient<TOptions, TClient>(
    string HttpClientName,
    IProviderProtocol Protocol,
    Func<TOptions, Uri> BaseAddress,
    Func<TOptions, IRequestCredential> Credential,
    Func<TOptions, Func<HttpClient>, ILogger, CallTelemetry, TClient> Create)
    where TOptions : CallLogClientOptions;
