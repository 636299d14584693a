using CallLogClient.Close;
using CallLogClient.Close.Models;
using CallLogClient.Pipedrive;
using CallLogClient.Testing;

namespace CallLogClient.Tests.Emulator;

/// <summary>The emulator's paging at its edges, and the providers' OAuth bearer tokens.</summary>
public sealed class PagingAndCredentialEdgeTests : EmulatorTest
{
    [Fact]
    public async Task A_pipedrive_page_past_the_end_is_empty_and_says_no_more()
    {
        await SeedPipedriveAsync(3);

        var exact = await Pipedrive().ListPageAsync(start: 0, limit: 3);
        var past = await Pipedrive().ListPageAsync(start: 10, limit: 3);

        Assert.Equal(3, exact.Items.Count);
        Assert.False(exact.Pagination.MoreItemsInCollection);
        Assert.Null(exact.Pagination.NextStart);
        Assert.Empty(past.Items);
        Assert.False(past.Pagination.MoreItemsInCollection);
    }

    [Fact]
    public async Task A_close_page_that_ends_exactly_at_the_last_call_has_no_more()
    {
        for (var i = 0; i < 4; i++)
        {
            Emulator.Close.AddCall("lead_1", DateTimeOffset.UnixEpoch.AddDays(20_000 + i), madeInClose: false);
        }

        var first = await Close().ListPageAsync(skip: 0, limit: 2);
        var last = await Close().ListPageAsync(skip: 2, limit: 2);

        Assert.True(first.HasMore);
        Assert.False(last.HasMore);
        Assert.Equal(Emulator.Close.Calls.Select(c => c.Id), first.Items.Concat(last.Items).Select(c => c.Id));
        Assert.True(first.Items[0].DateCreated > first.Items[1].DateCreated);
    }

    [Fact]
    public async Task Close_filters_by_date_created_bounds()
    {
        var day = new DateTimeOffset(2024, 5, 1, 0, 0, 0, TimeSpan.Zero);
        var inside = Emulator.Close.AddCall("lead_1", day.AddHours(1), madeInClose: false);
        Emulator.Close.AddCall("lead_1", day.AddDays(-1), madeInClose: false);
        Emulator.Close.AddCall("lead_1", day.AddDays(1), madeInClose: false);

        var page = await Close().ListPageAsync(new CloseCallQuery { DateCreated = CloseDateRange.Between(day, day.AddDays(1)) });

        Assert.Equal(inside, Assert.Single(page.Items).Id);
    }

    [Fact]
    public async Task Bearer_tokens_are_accepted_by_both_and_masked_in_the_request_log()
    {
        var options = new CallLogEmulatorOptions();
        await using var emulator = await CallLogEmulator.StartAsync(options);
        using var pipedrive = new PipedriveCallLogsClient(new PipedriveClientOptions
        {
            Credential = PipedriveCredential.FromAccessToken(options.PipedriveAccessToken!),
            BaseAddress = emulator.PipedriveBaseAddress,
        });
        using var close = new CloseCallActivitiesClient(new CloseClientOptions
        {
            Credential = CloseCredential.FromAccessToken(options.CloseAccessToken!),
            BaseAddress = emulator.CloseBaseAddress,
        });

        await pipedrive.ListPageAsync();
        await close.ListPageAsync();

        Assert.All(emulator.Requests, request => Assert.Equal("Bearer ***", request.Header("Authorization")));
    }

    private async Task SeedPipedriveAsync(int count)
    {
        for (var i = 0; i < count; i++)
        {
            await Pipedrive().CreateAsync(new()
            {
                Outcome = PipedriveCallOutcome.Connected,
                ToPhoneNumber = "+15555550100",
                StartTime = DateTimeOffset.UnixEpoch.AddDays(20_000 + i),
                EndTime = DateTimeOffset.UnixEpoch.AddDays(20_000 + i),
            });
        }
    }
}
