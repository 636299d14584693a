using System.Reflection;
using CallLogClient.Close;
using CallLogClient.Close.Models;
using CallLogClient.Errors;
using CallLogClient.Pipedrive;
using CallLogClient.Pipedrive.Models;
using CallLogClient.Testing;

// One call of each provider against the emulator, through the installed packages. Exit code 0 and the last line
// "package consumer: ok <version>" mean they work as a user gets them.
var version = typeof(PipedriveCallLogsClient).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "?";
await using var emulator = await CallLogEmulator.StartAsync();

using var pipedrive = new PipedriveCallLogsClient(new PipedriveClientOptions
{
    Credential = PipedriveCredential.FromApiToken(emulator.PipedriveApiToken),
    BaseAddress = emulator.PipedriveBaseAddress,
});
var start = new DateTimeOffset(2026, 1, 15, 9, 30, 0, TimeSpan.Zero);
var callLog = await pipedrive.CreateAsync(new PipedriveCreateCallLogRequest
{
    Outcome = PipedriveCallOutcome.Connected,
    ToPhoneNumber = "+15555550100",
    StartTime = start,
    EndTime = start.AddMinutes(2),
});
Check(callLog.Outcome == PipedriveCallOutcome.Connected && emulator.Pipedrive.CallLogs.Count == 1, "Pipedrive: the created call log");

using var close = new CloseCallActivitiesClient(new CloseClientOptions
{
    Credential = CloseCredential.FromApiKey(emulator.CloseApiKey),
    BaseAddress = emulator.CloseBaseAddress,
});
var call = await close.CreateAsync(new CloseCreateCallRequest
{
    LeadId = "lead_consumer",
    Direction = CloseCallDirection.Outbound,
    Phone = "+16505551234",
    Duration = TimeSpan.FromSeconds(42),
});
Check(call.Direction == CloseCallDirection.Outbound && emulator.Close.Calls.Count == 1, "Close: the created call");

try
{
    await close.GetAsync("acti_missing");
    Check(false, "Close: a missing call throws");
}
catch (CallLogNotFoundException e)
{
    Check(e.Provider == CallLogClient.CallLogProvider.Close, "Close: the not-found exception names the provider");
}

Console.WriteLine($"package consumer: ok {version}");
return 0;

static void Check(bool condition, string what)
{
    if (!condition)
    {
        Console.Error.WriteLine($"package consumer: FAILED: {what}");
        Environment.Exit(1);
    }

    Console.WriteLine($"  ok  {what}");
}
