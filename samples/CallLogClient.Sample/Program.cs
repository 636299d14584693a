using CallLogClient.Close;
using CallLogClient.Errors;
using CallLogClient.Pipedrive;
using CallLogClient.Sample;
using CallLogClient.Testing;

// The whole life of a call log on both providers. With no settings it runs against the local emulator
// (CallLogClient.Testing); PIPEDRIVE_API_TOKEN or CLOSE_API_KEY + CLOSE_LEAD_ID send that provider's run to a real
// account instead, touching only what the run creates and deleting it again.
var (settings, problem) = SampleSettings.FromEnvironment(Environment.GetEnvironmentVariable);
if (settings is null)
{
    Console.Error.WriteLine($"error: {problem}");
    return 2;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

var report = new Report(Console.Out);
CallLogEmulator? emulator = null;
try
{
    if (!settings.PipedriveIsReal || !settings.CloseIsReal)
    {
        emulator = await CallLogEmulator.StartAsync(cancellationToken: cancel.Token);
        report.Line($"Local emulator listening on {emulator.BaseAddress}");
    }

    var pipedriveOptions = new PipedriveClientOptions { ApplicationId = "calllogclient-sample" };
    if (settings.PipedriveIsReal)
    {
        pipedriveOptions.Credential = PipedriveCredential.FromApiToken(settings.PipedriveToken!);
        pipedriveOptions.CompanyDomain = settings.PipedriveCompanyDomain;
        pipedriveOptions.BaseAddress = settings.PipedriveBaseUrl ?? PipedriveClientOptions.DefaultBaseAddress;
    }
    else
    {
        pipedriveOptions.Credential = PipedriveCredential.FromApiToken(emulator!.PipedriveApiToken);
        pipedriveOptions.BaseAddress = emulator.PipedriveBaseAddress;
    }

    using (var pipedrive = new PipedriveCallLogsClient(pipedriveOptions))
    {
        report.Heading("Pipedrive call logs", settings.PipedriveIsReal ? pipedriveOptions.EffectiveBaseAddress.ToString() : "emulator");
        await PipedriveWalkthrough.RunAsync(pipedrive, report, cancel.Token);
    }

    var closeOptions = new CloseClientOptions { ApplicationId = "calllogclient-sample" };
    if (settings.CloseIsReal)
    {
        closeOptions.Credential = CloseCredential.FromApiKey(settings.CloseApiKey!);
        closeOptions.BaseAddress = settings.CloseBaseUrl ?? CloseClientOptions.DefaultBaseAddress;
    }
    else
    {
        closeOptions.Credential = CloseCredential.FromApiKey(emulator!.CloseApiKey);
        closeOptions.BaseAddress = emulator.CloseBaseAddress;
    }

    using (var close = new CloseCallActivitiesClient(closeOptions))
    {
        report.Heading("Close call activities", settings.CloseIsReal ? closeOptions.BaseAddress.ToString() : "emulator");
        await CloseWalkthrough.RunAsync(close, settings.CloseLeadId ?? "lead_sample", report, cancel.Token);
    }

    report.Line("");
    report.Line("Done: every call the run created was deleted again.");
    return 0;
}
catch (CallLogOutcomeUnknownException unknown)
{
    Console.Error.WriteLine($"error: {unknown.Message}");
    Console.Error.WriteLine($"Look for a call sent at {unknown.SentAt:u} before running the sample again.");
    return 3;
}
catch (CallLogApiException failure)
{
    Console.Error.WriteLine($"error: {failure.Message}");
    return 1;
}
catch (ArgumentException invalid)
{
    Console.Error.WriteLine($"error: {invalid.Message}");
    return 2;
}
catch (OperationCanceledException) when (cancel.IsCancellationRequested)
{
    Console.Error.WriteLine("Cancelled.");
    return 130;
}
finally
{
    if (emulator is not null)
    {
        await emulator.DisposeAsync();
    }
}
