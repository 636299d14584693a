using System.Globalization;
using CallLogClient.RateLimiting;
using CallLogClient.Tests.Support;
using CallLogClient.Tests.WireMock;

namespace CallLogClient.Tests.Paging;

/// <summary>Pages read ahead spend the request budget like any call: the manual clock shows the windows they waited for.</summary>
public sealed class PagerBudgetTests(WireMockFixture wireMock) : WireTest(wireMock)
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task Pages_read_ahead_wait_for_the_request_budget()
    {
        using var server = new PagedListServer(CallLogProvider.Close, count: 12);
        var client = CloseAt(server.Raw, options =>
        {
            options.PagesInFlight = 4;
            options.RequestBudget = new RequestBudget { Tokens = 2, Window = Window };
        });

        var read = ReadAllAsync(client.ListAllAsync(pageSize: 2));
        await WaitForBudgetWaitAsync();
        await server.WaitUntilAsync(requests => requests.Count >= 2);

        Assert.Equal(2, server.Requests.Count); // two requests fit the window; the pages asked for ahead wait
        await Driver().RunAsync(read);

        Assert.Equal(server.Ids, await read);
        var sent = server.Requests.Count;
        Assert.InRange(sent, 6, 6 + 3);
        var windows = (Clock.GetUtcNow() - ManualTimeProvider.Epoch) / Window;
        Assert.True(windows >= Math.Ceiling(sent / 2.0) - 1, string.Create(CultureInfo.InvariantCulture, $"{sent} requests in {windows} windows"));
    }

    private async Task WaitForBudgetWaitAsync()
    {
        using var guard = new CancellationTokenSource(ClockDriver.HangGuard);
        while (!Output.Logs.Any(log => log.EventId.Id == 5))
        {
            await Task.Delay(5, guard.Token);
        }
    }

    private static async Task<List<string>> ReadAllAsync(IAsyncEnumerable<CallLogClient.Close.Models.CloseCallActivity> calls)
    {
        var ids = new List<string>();
        await foreach (var call in calls)
        {
            ids.Add(call.Id);
        }

        return ids;
    }
}
