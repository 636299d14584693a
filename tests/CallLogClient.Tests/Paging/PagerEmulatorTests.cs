using CallLogClient.Close;
using CallLogClient.Close.Models;
using CallLogClient.Pipedrive;
using CallLogClient.Tests.Emulator;

namespace CallLogClient.Tests.Paging;

/// <summary>Reading ahead against the stateful emulator: the same items, in the same order, as one page at a time.</summary>
public sealed class PagerEmulatorTests : EmulatorTest
{
    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public async Task Pipedrive_pages_read_ahead_return_every_call_log_once_in_order(int pagesInFlight)
    {
        var client = Pipedrive(options => options.PagesInFlight = pagesInFlight);
        for (var i = 0; i < 23; i++)
        {
            await client.CreateAsync(new()
            {
                Outcome = PipedriveCallOutcome.Connected,
                ToPhoneNumber = "+15555550100",
                StartTime = new DateTimeOffset(2024, 1, 15, 10, i, 0, TimeSpan.Zero),
                EndTime = new DateTimeOffset(2024, 1, 15, 10, i, 30, TimeSpan.Zero),
            });
        }

        var ids = new List<string>();
        await foreach (var callLog in client.ListAllAsync(pageSize: 2))
        {
            ids.Add(callLog.Id);
        }

        Assert.Equal(Emulator.Pipedrive.CallLogs.Select(callLog => callLog.Id), ids);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public async Task Close_pages_read_ahead_return_every_call_once_in_order(int pagesInFlight)
    {
        var start = new DateTimeOffset(2024, 3, 1, 0, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < 23; i++)
        {
            Emulator.Close.AddCall("lead_1", start.AddMinutes(i), madeInClose: false);
        }

        var ids = new List<string>();
        await foreach (var call in Close(options => options.PagesInFlight = pagesInFlight).ListAllAsync(pageSize: 2))
        {
            ids.Add(call.Id);
        }

        Assert.Equal(Emulator.Close.Calls.Select(call => call.Id), ids);
    }

    [Fact]
    public async Task A_deep_read_with_pages_read_ahead_crosses_the_skip_cap_and_returns_every_call_once()
    {
        var start = new DateTimeOffset(2024, 3, 1, 0, 0, 0, TimeSpan.Zero);
        var ids = Enumerable.Range(0, 60).Select(i => Emulator.Close.AddCall("lead_1", start.AddMinutes(i * 7), madeInClose: false)).ToHashSet();
        Emulator.Close.MaxSkip = 20;
        var query = new CloseCallQuery { DateCreated = CloseDateRange.Between(start, start.AddDays(1)) };

        var sequential = new List<string>();
        await foreach (var call in Close(options => options.PagesInFlight = 1).ListAllByDateWindowsAsync(query, pageSize: 10))
        {
            sequential.Add(call.Id);
        }

        var requestsBefore = Emulator.Requests.Count;
        var ahead = new List<string>();
        await foreach (var call in Close(options => options.PagesInFlight = 4).ListAllByDateWindowsAsync(query, pageSize: 10))
        {
            ahead.Add(call.Id);
        }

        Assert.Equal(60, ahead.Count);
        Assert.Equal(ids, ahead.ToHashSet());
        Assert.Equal(sequential, ahead);
        var skips = Emulator.Requests.Skip(requestsBefore)
            .Select(r => int.Parse(r.Query.Split("_skip=")[1].Split('&')[0], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(250_000, skips[1]); // the probe Close refused with max_skip = 20
        Assert.All(skips.Skip(2), skip => Assert.InRange(skip, 0, 20)); // no page read ahead past the cap learned
    }
}
