using CallLogClient.Configuration;
using Microsoft.Extensions.Configuration;

namespace CallLogClient.Close;

/// <summary>The configuration keys of a Close registration (<c>BaseAddress</c>, <c>ApiKey</c> and the shared ones of <see cref="ClientSettings"/>).</summary>
internal sealed class CloseSettings : ClientSettings
{
    public string? BaseAddress { get; set; }

    public string? ApiKey { get; set; }

    /// <summary>Binds <paramref name="configuration"/> onto <paramref name="options"/>.</summary>
    public static void Bind(IConfiguration configuration, CloseClientOptions options)
    {
        var settings = new CloseSettings();
        if (!TryBind(() => configuration.Bind(settings), options))
        {
            return;
        }

        settings.ApplyTo(options);
        options.BaseAddress = ParseAddress(settings.BaseAddress, nameof(BaseAddress), options) ?? options.BaseAddress;
        if (settings.ApiKey is { } key)
        {
            if (Http.CredentialText.IsHeaderSafe(key) && !key.Contains(':', StringComparison.Ordinal))
            {
                options.Credential = CloseCredential.FromApiKey(key);
            }
            else
            {
                options.ConfigurationProblem ??= Problem(
                    "The API key is empty or contains a colon, white space, control or non-ASCII characters; check what was stored.",
                    nameof(CloseClientOptions.Credential));
            }
        }
    }
}
