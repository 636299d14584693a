using CallLogClient.Http;

namespace CallLogClient.Close;

/// <summary>Settings of a <see cref="CloseCallActivitiesClient"/>.</summary>
public sealed class CloseClientOptions : CallLogClientOptions
{
    /// <summary>The default address of API v1.</summary>
    public static readonly Uri DefaultBaseAddress = new("https://api.close.com/api/v1/");

    /// <summary>The credential. Required.</summary>
    public CloseCredential? Credential { get; set; }

    /// <summary>The API address, default <c>https://api.close.com/api/v1/</c>. Must be https (plain http only on loopback).</summary>
    public Uri BaseAddress { get; set; } = DefaultBaseAddress;

    internal override string ConfigurationKeyOf(string parameterName) =>
        parameterName == nameof(Credential) ? "ApiKey" : base.ConfigurationKeyOf(parameterName);

    internal override void Validate()
    {
        base.Validate();
        if (Credential is null)
        {
            throw new ArgumentException("A credential is required: set CloseClientOptions.Credential.", nameof(Credential));
        }

        BaseAddressValidator.Normalize(BaseAddress, nameof(BaseAddress));
    }
}
