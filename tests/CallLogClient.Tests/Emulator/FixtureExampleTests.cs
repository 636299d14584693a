using CallLogClient.Errors;
using CallLogClient.Pipedrive;
using CallLogClient.Pipedrive.Models;
using CallLogClient.Testing;

namespace CallLogClient.Tests.Emulator;

/// <summary>The README's integrator test, as written there: the shipped fixture, a real client, an assertion on state.</summary>
public sealed class FixtureExampleTests(CallLogEmulatorFixture fixture) : IClassFixture<CallLogEmulatorFixture>
{
    private readonly PipedriveCreateCallLogRequest request = new()
    {
        Outcome = PipedriveCallOutcome.Connected,
        ToPhoneNumber = "+15555550100",
        StartTime = new DateTimeOffset(2024, 1, 15, 10, 0, 0, TimeSpan.Zero),
        EndTime = new DateTimeOffset(2024, 1, 15, 10, 3, 0, TimeSpan.Zero),
    };

    [Fact]
    public async Task The_dialer_logs_each_call_once()
    {
        var emulator = fixture.Emulator;
        using var pipedrive = new PipedriveCallLogsClient(new PipedriveClientOptions
        {
            Credential = PipedriveCredential.FromApiToken(emulator.PipedriveApiToken),
            BaseAddress = emulator.PipedriveBaseAddress,
        });
        emulator.Pipedrive.Misbehaviour.FailNext(Fault.ResetAfterProcessing);   // the create is stored, the answer lost

        await Assert.ThrowsAsync<CallLogOutcomeUnknownException>(() => pipedrive.CreateAsync(request));

        Assert.Single(emulator.Pipedrive.CallLogs);
    }
}
