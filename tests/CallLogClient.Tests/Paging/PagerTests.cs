using System.Runtime.CompilerServices;
using CallLogClient.Errors;
using CallLogClient.Tests.Hostile;
using CallLogClient.Tests.Support;
using Microsoft.Extensions.Logging;

namespace CallLogClient.Tests.Paging;

/// <summary>
/// <c>ListAllAsync</c> with pages read ahead (<see cref="CallLogClientOptions.PagesInFlight"/>), against a loopback server
/// that counts, holds and fails page requests. Nothing is timed: a request the client must give up is held until it
/// closes its connection, so a client that did not cancel it would hang the test past the guard.
/// </summary>
public sealed class PagerTests : HostileServerTest
{
    private const int PageSize = 5;

    [Theory]
    [InlineData(CallLogProvider.Pipedrive, 1)]
    [InlineData(CallLogProvider.Pipedrive, 2)]
    [InlineData(CallLogProvider.Pipedrive, 4)]
    [InlineData(CallLogProvider.Close, 1)]
    [InlineData(CallLogProvider.Close, 2)]
    [InlineData(CallLogProvider.Close, 4)]
    public async Task Every_item_of_many_pages_comes_once_in_order(CallLogProvider provider, int pagesInFlight)
    {
        var server = Own(new PagedListServer(provider, count: 57));

        var ids = await ReadAllAsync(ListAll(server, pagesInFlight));

        Assert.Equal(server.Ids, ids);
        var chain = server.Chain(PageSize);
        Assert.Equal(12, chain.Count);
        var offsets = server.Requests.Select(request => request.Offset).ToList();
        Assert.All(chain, offset => Assert.Equal(1, offsets.Count(o => o == offset)));
        Assert.InRange(offsets.Count(offset => offset > chain[^1]), 0, pagesInFlight - 1);
        Assert.All(server.Requests, request => Assert.Equal(PageSize, request.Limit));
        if (pagesInFlight == 1)
        {
            Assert.Equal(chain, offsets);
        }
    }

    [Theory]
    [InlineData(CallLogProvider.Pipedrive, 1)]
    [InlineData(CallLogProvider.Pipedrive, 2)]
    [InlineData(CallLogProvider.Pipedrive, 4)]
    [InlineData(CallLogProvider.Pipedrive, 8)]
    [InlineData(CallLogProvider.Close, 2)]
    [InlineData(CallLogProvider.Close, 8)]
    public async Task The_last_page_is_followed_by_at_most_in_flight_minus_one_requests(CallLogProvider provider, int pagesInFlight)
    {
        var server = Own(new PagedListServer(provider, count: 20));
        const int LastPage = 15;

        // The last page waits until the client has asked for every page ahead it will: then the count is the most it asks.
        var pastTheEnd = 0;
        server.Answer = async (request, connection) =>
        {
            if (request.Offset > LastPage)
            {
                Interlocked.Increment(ref pastTheEnd);
            }
            else if (request.Offset == LastPage)
            {
                await server.WaitUntilAsync(requests => requests.Count(r => r.Offset > LastPage) >= pagesInFlight - 1);
            }

            await server.PageAsync(request, connection);
        };

        var ids = await ReadAllAsync(ListAll(server, pagesInFlight));

        Assert.Equal(server.Ids, ids);
        Assert.Equal(pagesInFlight - 1, server.Requests.Count(request => request.Offset > LastPage));
        Assert.Equal(4 + pagesInFlight - 1, server.Requests.Count);
    }

    [Theory]
    [InlineData(CallLogProvider.Pipedrive, 2)]
    [InlineData(CallLogProvider.Pipedrive, 4)]
    [InlineData(CallLogProvider.Close, 2)]
    [InlineData(CallLogProvider.Close, 4)]
    public async Task When_the_server_pages_by_another_stride_the_pager_follows_it_and_cancels_the_pages_it_guessed(
        CallLogProvider provider, int pagesInFlight)
    {
        var server = Own(new PagedListServer(provider, count: 20) { ItemsOnPage = (_, limit) => Math.Min(limit, 3) });
        var chain = server.Chain(PageSize);
        Assert.Equal([0, 3, 6, 9, 12, 15, 18], chain);
        server.Answer = (request, connection) => chain.Contains(request.Offset) || request.Offset >= server.Count
            ? server.PageAsync(request, connection)
            : PagedListServer.HoldUntilClosedAsync(request, connection);

        var ids = await ReadAllAsync(ListAll(server, pagesInFlight));

        Assert.Equal(server.Ids, ids);
        var guessed = server.Requests.Where(request => !chain.Contains(request.Offset) && request.Offset < server.Count).ToList();
        Assert.InRange(guessed.Count, 0, pagesInFlight - 1); // the first guesses only: the next ones use the server's stride
        await Task.WhenAll(guessed.Select(request => request.Closed.Task)).WaitAsync(ClockDriver.HangGuard);
        Assert.DoesNotContain(Output.Logs, log => log.Level >= LogLevel.Warning); // a dropped guess is no failed call
    }

    [Theory]
    [InlineData(CallLogProvider.Pipedrive, 2)]
    [InlineData(CallLogProvider.Pipedrive, 4)]
    [InlineData(CallLogProvider.Close, 2)]
    [InlineData(CallLogProvider.Close, 4)]
    public async Task A_short_page_in_the_middle_moves_every_later_offset_and_nothing_is_lost_or_repeated(
        CallLogProvider provider, int pagesInFlight)
    {
        var server = Own(new PagedListServer(provider, count: 40) { ItemsOnPage = (offset, limit) => offset == 10 ? limit - 1 : limit });
        var chain = server.Chain(PageSize);
        Assert.Equal([0, 5, 10, 14, 19, 24, 29, 34, 39], chain);
        server.Answer = (request, connection) => chain.Contains(request.Offset) || request.Offset >= server.Count
            ? server.PageAsync(request, connection)
            : PagedListServer.HoldUntilClosedAsync(request, connection);

        var ids = await ReadAllAsync(ListAll(server, pagesInFlight));

        Assert.Equal(server.Ids, ids);
        var guessed = server.Requests.Where(request => !chain.Contains(request.Offset) && request.Offset < server.Count).ToList();
        await Task.WhenAll(guessed.Select(request => request.Closed.Task)).WaitAsync(ClockDriver.HangGuard);
    }

    [Theory]
    [InlineData(CallLogProvider.Pipedrive, 2)]
    [InlineData(CallLogProvider.Pipedrive, 4)]
    [InlineData(CallLogProvider.Close, 2)]
    [InlineData(CallLogProvider.Close, 4)]
    public async Task Breaking_out_cancels_the_pages_in_flight(CallLogProvider provider, int pagesInFlight)
    {
        var server = Own(new PagedListServer(provider, count: 100));
        server.Answer = async (request, connection) =>
        {
            if (request.Offset == 0)
            {
                await server.WaitUntilAsync(requests => requests.Count >= pagesInFlight);
                await server.PageAsync(request, connection);
            }
            else
            {
                await PagedListServer.HoldUntilClosedAsync(request, connection);
            }
        };

        var seen = new List<string>();
        await ReadFirstAsync().WaitAsync(ClockDriver.HangGuard); // a page in flight that is never cancelled would hang the break

        async Task ReadFirstAsync()
        {
            await foreach (var id in ListAll(server, pagesInFlight))
            {
                seen.Add(id);
                break;
            }
        }

        Assert.Equal([server.IdOf(0)], seen);
        var ahead = server.Requests.Where(request => request.Offset > 0).ToList();
        // While the caller read the first page, the pages after it made pagesInFlight with it; the break cancelled them.
        Assert.Equal(pagesInFlight - 1, ahead.Count);
        Assert.Equal(Enumerable.Range(1, pagesInFlight - 1).Select(page => page * PageSize), ahead.Select(request => request.Offset).Order());
        await Task.WhenAll(ahead.Select(request => request.Closed.Task)).WaitAsync(ClockDriver.HangGuard);
    }

    [Theory]
    [InlineData(CallLogProvider.Pipedrive)]
    [InlineData(CallLogProvider.Close)]
    public async Task Cancelling_the_enumeration_cancels_the_pages_in_flight(CallLogProvider provider)
    {
        const int PagesInFlight = 3;
        var server = Own(new PagedListServer(provider, count: 100));
        server.Answer = async (request, connection) =>
        {
            if (request.Offset == 0)
            {
                await server.WaitUntilAsync(requests => requests.Count >= PagesInFlight);
                await server.PageAsync(request, connection);
            }
            else
            {
                await PagedListServer.HoldUntilClosedAsync(request, connection);
            }
        };
        using var cancellation = new CancellationTokenSource();

        var seen = new List<string>();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var id in ListAll(server, PagesInFlight).WithCancellation(cancellation.Token))
            {
                seen.Add(id);
                if (seen.Count == PageSize)
                {
                    await cancellation.CancelAsync();
                }
            }
        }).WaitAsync(ClockDriver.HangGuard);

        Assert.Equal(server.Ids.Take(PageSize), seen);
        var ahead = server.Requests.Where(request => request.Offset > 0).ToList();
        Assert.NotEmpty(ahead);
        await Task.WhenAll(ahead.Select(request => request.Closed.Task)).WaitAsync(ClockDriver.HangGuard);
    }

    [Theory]
    [InlineData(CallLogProvider.Pipedrive, 2)]
    [InlineData(CallLogProvider.Pipedrive, 4)]
    [InlineData(CallLogProvider.Close, 2)]
    [InlineData(CallLogProvider.Close, 4)]
    public async Task A_page_that_fails_first_surfaces_only_after_every_item_before_it(CallLogProvider provider, int pagesInFlight)
    {
        var server = Own(new PagedListServer(provider, count: 40));
        const int FailingPage = 10;
        var failed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        server.Answer = async (request, connection) =>
        {
            switch (request.Offset)
            {
                case FailingPage:
                    await server.FailAsync(request, connection, 401);
                    failed.TrySetResult();
                    return;
                case FailingPage - PageSize: // the page before is answered only after the failure
                    await failed.Task.WaitAsync(ClockDriver.HangGuard);
                    break;
            }

            await server.PageAsync(request, connection);
        };

        var seen = new List<string>();
        var error = await Assert.ThrowsAsync<CallLogAuthenticationException>(async () =>
        {
            await foreach (var id in ListAll(server, pagesInFlight))
            {
                seen.Add(id);
            }
        }).WaitAsync(ClockDriver.HangGuard);

        Assert.Equal(server.Ids.Take(FailingPage), seen);
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Equal(1, server.Requests.Count(request => request.Offset == FailingPage));
    }

    [Theory]
    [InlineData(CallLogProvider.Pipedrive)]
    [InlineData(CallLogProvider.Close)]
    public async Task A_page_asked_for_past_the_end_that_fails_is_dropped_not_thrown(CallLogProvider provider)
    {
        var server = Own(new PagedListServer(provider, count: 10));
        server.Answer = (request, connection) => request.Offset >= 10
            ? server.FailAsync(request, connection, 401)
            : server.PageAsync(request, connection);

        var ids = await ReadAllAsync(ListAll(server, pagesInFlight: 4));

        Assert.Equal(server.Ids, ids);
        Assert.InRange(server.Requests.Count(request => request.Offset >= 10), 0, 3);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    public async Task A_Pipedrive_server_whose_next_start_creeps_over_the_same_page_still_ends_the_read(int pagesInFlight)
    {
        var server = Own(new PagedListServer(CallLogProvider.Pipedrive, count: 2));
        server.Answer = (request, connection) => connection.RespondAsync(200,
            $$"""{"success":true,"data":[{"id":"a"},{"id":"b"}],"additional_data":{"pagination":{"start":{{request.Offset}},"more_items_in_collection":true,"next_start":{{request.Offset + 1}}""" + "}}}");

        var (ids, error) = await ReadUntilFailureAsync<CallLogResponseFormatException>(ListAll(server, pagesInFlight, pageSize: 2));

        Assert.Equal(["a", "b"], ids);
        Assert.Contains("The page at start=1 repeats the previous page.", error.Message, StringComparison.Ordinal);
        Assert.InRange(server.Requests.Count, 2, 2 * pagesInFlight);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    public async Task A_Close_server_that_ignores_skip_still_ends_the_read(int pagesInFlight)
    {
        var server = Own(new PagedListServer(CallLogProvider.Close, count: 2));
        server.Answer = (_, connection) => connection.RespondAsync(200, """{"data":[{"id":"acti_a"},{"id":"acti_b"}],"has_more":true}""");

        var (ids, error) = await ReadUntilFailureAsync<CallLogResponseFormatException>(ListAll(server, pagesInFlight, pageSize: 2));

        Assert.Equal(["acti_a", "acti_b"], ids);
        Assert.Contains("The page at _skip=2 repeats the previous page.", error.Message, StringComparison.Ordinal);
        Assert.InRange(server.Requests.Count, 2, 2 + pagesInFlight - 1);
    }

    [Theory]
    [InlineData(CallLogProvider.Pipedrive)]
    [InlineData(CallLogProvider.Close)]
    public async Task A_page_that_says_more_follow_but_is_empty_still_ends_the_read(CallLogProvider provider)
    {
        var server = Own(new PagedListServer(provider, count: 0));
        server.Answer = (_, connection) => connection.RespondAsync(200, provider == CallLogProvider.Pipedrive
            ? """{"success":true,"data":[],"additional_data":{"pagination":{"start":0,"more_items_in_collection":true,"next_start":5}}}"""
            : """{"data":[],"has_more":true}""");

        var (ids, error) = await ReadUntilFailureAsync<CallLogResponseFormatException>(ListAll(server, pagesInFlight: 4));

        Assert.Empty(ids);
        Assert.Contains("follow", error.Message, StringComparison.Ordinal);
        Assert.InRange(server.Requests.Count, 1, 4);
    }

    [Fact]
    public async Task Close_pages_are_never_asked_for_past_the_skip_cap()
    {
        var server = Own(new PagedListServer(CallLogProvider.Close, count: 100));
        var client = Close(server.Raw, options => options.PagesInFlight = 8);
        client.MaxSkip = 12;

        var ids = new List<string>();
        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await foreach (var call in client.ListAllAsync(pageSize: PageSize))
            {
                ids.Add(call.Id);
            }
        });

        Assert.Equal(server.Ids.Take(15), ids); // the pages at 0, 5 and 10; the next would start at 15, past the cap
        Assert.Contains("ListAllByDateWindowsAsync", error.Message, StringComparison.Ordinal);
        Assert.Equal([0, 5, 10], server.Requests.Select(request => request.Offset).Order());
    }

    private IAsyncEnumerable<string> ListAll(PagedListServer server, int pagesInFlight, int pageSize = PageSize) =>
        server.Provider == CallLogProvider.Pipedrive
            ? Ids(Pipedrive(server.Raw, options => options.PagesInFlight = pagesInFlight).ListAllAsync(pageSize), callLog => callLog.Id)
            : Ids(Close(server.Raw, options => options.PagesInFlight = pagesInFlight).ListAllAsync(pageSize: pageSize), call => call.Id);

    private static async IAsyncEnumerable<string> Ids<T>(
        IAsyncEnumerable<T> items, Func<T, string> id, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var item in items.WithCancellation(cancellationToken))
        {
            yield return id(item);
        }
    }

    /// <summary>Every id; a read that hangs (a page in flight never cancelled, then awaited) fails after the guard.</summary>
    private static Task<List<string>> ReadAllAsync(IAsyncEnumerable<string> ids)
    {
        return ReadAsync().WaitAsync(ClockDriver.HangGuard);

        async Task<List<string>> ReadAsync()
        {
            var all = new List<string>();
            await foreach (var id in ids)
            {
                all.Add(id);
            }

            return all;
        }
    }

    private static async Task<(List<string> Ids, TException Error)> ReadUntilFailureAsync<TException>(IAsyncEnumerable<string> ids)
        where TException : Exception
    {
        var all = new List<string>();
        var error = await Assert.ThrowsAsync<TException>(async () =>
        {
            await foreach (var id in ids)
            {
                all.Add(id);
            }
        }).WaitAsync(ClockDriver.HangGuard);
        return (all, error);
    }
}
