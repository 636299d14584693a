using CallLogClient.Configuration;
using Microsoft.Extensions.Configuration;

namespace CallLogClient.Pipedrive;

/// <summary>
/// The configuration keys of a Pipedrive registration (<c>BaseAddress</c>, <c>CompanyDomain</c>, <c>ApiToken</c> and
/// the shared ones of <see cref="ClientSettings"/>).
/// </summary>
internal sealed class PipedriveSettings : ClientSettings
{
    public string? BaseAddress { get; set; }

    public string? CompanyDomain { get; set; }

    public string? ApiToken { get; set; }

    /// <summary>Binds <paramref name="configuration"/> onto <paramref name="options"/>.</summary>
    public static void Bind(IConfiguration configuration, PipedriveClientOptions options)
    {
        var settings = new PipedriveSettings();
        if (!TryBind(() => configuration.Bind(settings), options))
        {
            return;
        }

        settings.ApplyTo(options);
        options.BaseAddress = ParseAddress(settings.BaseAddress, nameof(BaseAddress), options) ?? options.BaseAddress;
        options.CompanyDomain = settings.CompanyDomain ?? options.CompanyDomain;
        if (settings.ApiToken is { } token)
        {
            if (Http.CredentialText.IsHeaderSafe(token))
            {
                options.Credential = PipedriveCredential.FromApiToken(token);
            }
            else
            {
                options.ConfigurationProblem ??= Problem(
                    "The API token is empty or contains white space, control or non-ASCII characters; check what was stored.",
                    nameof(PipedriveClientOptions.Credential));
            }
        }
    }
}
