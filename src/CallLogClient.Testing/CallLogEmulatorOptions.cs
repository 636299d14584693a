namespace CallLogClient.Testing;

/// <summary>The credentials the emulator accepts, and its clock.</summary>
public sealed class CallLogEmulatorOptions
{
    /// <summary>The Pipedrive API token it accepts in <c>x-api-token</c>.</summary>
    public string PipedriveApiToken { get; set; } = "emulator-pipedrive-api-token";

    /// <summary>A Pipedrive OAuth access token it accepts as a bearer token; none when <see langword="null"/>.</summary>
    public string? PipedriveAccessToken { get; set; } = "emulator-pipedrive-access-token";

    /// <summary>The Close API key it accepts with HTTP Basic (the key as user name, empty password).</summary>
    public string CloseApiKey { get; set; } = "emulator-close-api-key";

    /// <summary>A Close OAuth access token it accepts as a bearer token; none when <see langword="null"/>.</summary>
    public string? CloseAccessToken { get; set; } = "emulator-close-access-token";

    /// <summary>The clock behind dates it stamps and its rate-limit windows.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
