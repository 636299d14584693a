using CallLogClient.Close;
using CallLogClient.Pipedrive;
using CallLogClient.Testing;

namespace CallLogClient.Sample;

/// <summary>The client options for each provider: the real account the settings name, else the local emulator.</summary>
internal static class SampleClients
{
    private const string ApplicationId = "calllogclient-sample";

    public static PipedriveClientOptions PipedriveOptions(SampleSettings settings, CallLogEmulator? emulator)
    {
        var options = new PipedriveClientOptions { ApplicationId = ApplicationId };
        if (settings.PipedriveIsReal)
        {
            options.Credential = PipedriveCredential.FromApiToken(settings.PipedriveToken!);
            options.CompanyDomain = settings.PipedriveCompanyDomain;
            options.BaseAddress = settings.PipedriveBaseUrl ?? PipedriveClientOptions.DefaultBaseAddress;
        }
        else
        {
            options.Credential = PipedriveCredential.FromApiToken(emulator!.PipedriveApiToken);
            options.BaseAddress = emulator.PipedriveBaseAddress;
        }

        return options;
    }

    public static CloseClientOptions CloseOptions(SampleSettings settings, CallLogEmulator? emulator)
    {
        var options = new CloseClientOptions { ApplicationId = ApplicationId };
        if (settings.CloseIsReal)
        {
            options.Credential = CloseCredential.FromApiKey(settings.CloseApiKey!);
            options.BaseAddress = settings.CloseBaseUrl ?? CloseClientOptions.DefaultBaseAddress;
        }
        else
        {
            options.Credential = CloseCredential.FromApiKey(emulator!.CloseApiKey);
            options.BaseAddress = emulator.CloseBaseAddress;
        }

        return options;
    }
}
