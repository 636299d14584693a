using System.Reflection;
using CallLogClient.Close;
using CallLogClient.Close.Models;
using CallLogClient.Errors;
using CallLogClient.Pipedrive;
using CallLogClient.Pipedrive.Models;
using CallLogClient.Redis;
using CallLogClient.Testing;
using StackExchange.Redis;

// One call of each provider against the emulator, through the installed packages, and a get through a Redis budget when
// CALLLOG_REDIS names a redis-server. Exit code 0 and the last line "package consumer: ok <version>" mean they work as
// a user gets them.
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

if (Environment.GetEnvironmentVariable("CALLLOG_REDIS") is { Length: > 0 } redisAddress)
{
    await using var redis = await ConnectionMultiplexer.ConnectAsync(redisAddress);
    var key = $"calllog-consumer:{Guid.NewGuid():N}";
    using var budgeted = new PipedriveCallLogsClient(new PipedriveClientOptions
    {
        Credential = PipedriveCredential.FromApiToken(emulator.PipedriveApiToken),
        BaseAddress = emulator.PipedriveBaseAddress,
        RequestBudget = RedisRequestBudget.Create(redis, key, tokens: 20, TimeSpan.FromSeconds(2)),
    });
    var read = await budgeted.GetAsync(callLog.Id);
    var spent = await redis.GetDatabase().SortedSetLengthAsync(key);
    await redis.GetDatabase().KeyDeleteAsync(key);
    Check(read.Id == callLog.Id && spent == 1, "Redis: a get through the fleet budget, its spend kept in Redis");
}
else
{
    Console.WriteLine("  skip  Redis: no CALLLOG_REDIS");
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
