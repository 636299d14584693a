using CallLogClient.Errors;
using CallLogClient.Testing;

namespace CallLogClient.Tests.Emulator;

/// <summary>The emulator's misbehaviour switches do what they say, per provider, and can be turned off again.</summary>
public sealed class MisbehaviourTests : EmulatorTest
{
    [Fact]
    public async Task The_nth_request_fails_and_the_others_are_served()
    {
        Emulator.Close.Misbehaviour.FailRequest(3, Fault.ServiceUnavailable);
        var client = Close(o => o.Retry.MaxRetries = 0);

        await client.ListPageAsync();
        await client.ListPageAsync();
        var third = await Assert.ThrowsAsync<CallLogServiceUnavailableException>(() => client.ListPageAsync());
        await client.ListPageAsync();

        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, third.StatusCode);
        Assert.Equal(4, Emulator.Requests.Count);
    }

    [Fact]
    public async Task A_failure_rate_is_seeded_so_a_run_repeats()
    {
        async Task<string> RunAsync()
        {
            Emulator.Reset();
            Emulator.Pipedrive.Misbehaviour.Seed(7);
            Emulator.Pipedrive.Misbehaviour.FailureRate = 0.5;
            var client = Pipedrive(o => o.Retry.MaxRetries = 0);
            var outcomes = new List<char>();
            for (var i = 0; i < 20; i++)
            {
                try
                {
                    await client.ListPageAsync();
                    outcomes.Add('.');
                }
                catch (CallLogServiceUnavailableException)
                {
                    outcomes.Add('x');
                }
            }

            return new string([.. outcomes]);
        }

        var first = await RunAsync();
        var second = await RunAsync();

        Assert.Equal(first, second);
        Assert.InRange(first.Count(c => c == 'x'), 4, 16);
    }

    [Fact]
    public async Task A_reset_before_processing_stores_nothing_and_a_create_is_not_blindly_resent()
    {
        Emulator.Close.Misbehaviour.FailNext(Fault.ResetBeforeProcessing);

        var error = await Assert.ThrowsAsync<CallLogOutcomeUnknownException>(
            () => Close().CreateAsync(new() { LeadId = "lead_1", Phone = "+16505551234" }));

        Assert.Equal(1, error.Attempts);
        Assert.Empty(Emulator.Close.Calls);
        Assert.Single(Emulator.Requests);
    }

    [Fact]
    public async Task A_500_after_processing_stores_the_create_and_the_client_reports_it_unknown()
    {
        Emulator.Close.Misbehaviour.FailNext(Fault.InternalErrorAfterProcessing);

        await Assert.ThrowsAsync<CallLogOutcomeUnknownException>(
            () => Close().CreateAsync(new() { LeadId = "lead_1", Phone = "+16505551234" }));

        Assert.Single(Emulator.Close.Calls);
    }

    [Fact]
    public async Task Reset_turns_every_switch_off_and_forgets_state()
    {
        await Pipedrive().CreateAsync(new()
        {
            Outcome = CallLogClient.Pipedrive.PipedriveCallOutcome.Busy,
            ToPhoneNumber = "+15555550100",
            StartTime = DateTimeOffset.UnixEpoch.AddYears(50),
            EndTime = DateTimeOffset.UnixEpoch.AddYears(50),
        });
        Emulator.Pipedrive.Misbehaviour.FailNext(Fault.ServiceUnavailable, count: 5);
        Emulator.Pipedrive.RateLimit = new RateLimit(1, TimeSpan.FromHours(1));
        Emulator.Close.MaxSkip = 1;

        Emulator.Reset();
        var page = await Pipedrive(o => o.Retry.MaxRetries = 0).ListPageWithResponseAsync();
        var closePage = await Close().ListPageAsync(skip: 10);

        Assert.Empty(page.Value.Items);
        Assert.Null(page.RateLimit);
        Assert.Empty(closePage.Items);
        Assert.Single(Emulator.Requests, r => r.Provider == EmulatedProvider.Pipedrive);
    }
}
