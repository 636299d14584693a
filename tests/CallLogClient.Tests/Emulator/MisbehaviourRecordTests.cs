using CallLogClient.Testing;

namespace CallLogClient.Tests.Emulator;

/// <summary>Each recorded request says what the misbehaviour did to it; a seeded share of late answers repeats run after run.</summary>
public sealed class MisbehaviourRecordTests : EmulatorTest
{
    private async Task<List<(Fault Fault, TimeSpan Latency)>> RunAsync()
    {
        Emulator.Reset();
        var faults = Emulator.Close.Misbehaviour;
        faults.Seed(7);
        faults.FailureRate = 0.3;
        faults.RandomLatencyRate = 0.3;
        faults.RandomLatency = TimeSpan.FromMilliseconds(1);
        var client = Close(o => o.Retry.MaxRetries = 0);
        for (var i = 0; i < 30; i++)
        {
            try
            {
                await client.ListPageAsync();
            }
            catch (CallLogClient.Errors.CallLogApiException)
            {
            }
        }

        return [.. Emulator.Requests.Select(r => (r.Fault, r.Latency))];
    }

    [Fact]
    public async Task The_fault_and_delay_of_every_request_are_recorded_and_repeat_with_the_seed()
    {
        var first = await RunAsync();
        var second = await RunAsync();

        Assert.Equal(30, first.Count);
        Assert.Equal(first, second);
        Assert.Contains(first, r => r.Fault == Fault.ServiceUnavailable);
        Assert.Contains(first, r => r.Fault == Fault.None);
        Assert.Contains(first, r => r.Latency == TimeSpan.FromMilliseconds(1));
        Assert.Contains(first, r => r.Latency == TimeSpan.Zero);
    }

    [Fact]
    public void Reset_turns_the_random_latency_off()
    {
        var faults = Emulator.Pipedrive.Misbehaviour;
        faults.RandomLatencyRate = 1;
        faults.RandomLatency = TimeSpan.FromSeconds(1);

        faults.Reset();

        Assert.Equal(0, faults.RandomLatencyRate);
        Assert.Equal(TimeSpan.Zero, faults.RandomLatency);
    }
}
