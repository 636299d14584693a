using CallLogClient.Http;

namespace CallLogClient.Pipedrive;

/// <summary>Settings of a <see cref="PipedriveCallLogsClient"/>.</summary>
public sealed class PipedriveClientOptions : CallLogClientOptions
{
    /// <summary>The default address of API v1.</summary>
    public static readonly Uri DefaultBaseAddress = new("https://api.pipedrive.com/v1/");

    /// <summary>The credential. Required.</summary>
    public PipedriveCredential? Credential { get; set; }

    /// <summary>
    /// The API address, default <c>https://api.pipedrive.com/v1/</c>. Must be https (plain http only on loopback).
    /// Ignored when <see cref="CompanyDomain"/> is set.
    /// </summary>
    public Uri BaseAddress { get; set; } = DefaultBaseAddress;

    /// <summary>
    /// The company subdomain (<c>acme</c> for <c>acme.pipedrive.com</c>); when set, calls go to
    /// <c>https://acme.pipedrive.com/api/v1/</c>, which Pipedrive recommends for routing to the right data centre.
    /// </summary>
    public string? CompanyDomain { get; set; }

    /// <summary>Where calls go: the company-domain address when <see cref="CompanyDomain"/> is set, else <see cref="BaseAddress"/>.</summary>
    public Uri EffectiveBaseAddress => CompanyDomain is { Length: > 0 } company
        ? new Uri($"https://{company}.pipedrive.com/api/v1/")
        : BaseAddress;

    internal override string ConfigurationKeyOf(string parameterName) =>
        parameterName == nameof(Credential) ? "ApiToken" : base.ConfigurationKeyOf(parameterName);

    internal override void Validate()
    {
        base.Validate();
        if (Credential is null)
        {
            throw new ArgumentException("A credential is required: set PipedriveClientOptions.Credential.", nameof(Credential));
        }

        if (CompanyDomain is not null && !IsHostLabel(CompanyDomain))
        {
            throw new ArgumentException("CompanyDomain must be a subdomain label such as 'acme'.", nameof(CompanyDomain));
        }

        BaseAddressValidator.Normalize(EffectiveBaseAddress, nameof(BaseAddress));
    }

    private static bool IsHostLabel(string value) =>
        value.Length is > 0 and <= 63 && value.All(c => char.IsAsciiLetterOrDigit(c) || c == '-') && value[0] != '-';
}
