using System.Globalization;
using System.Text.Json;
using System.Web;
using CallLogClient.Close;
using CallLogClient.Close.Models;
using CallLogClient.Errors;
using CallLogClient.Tests.Close;
using CallLogClient.Tests.Support;

namespace CallLogClient.Tests.Hostile;

/// <summary>Paging always ends, never loses a call, and holds one page at a time.</summary>
public sealed class EndlessPagingTests : HostileServerTest
{
    // The tests that count requests read one page at a time; Paging.PagerTests covers the same servers with pages read ahead.
    private static void OnePageAtATime(CallLogClientOptions options) => options.PagesInFlight = 1;

    [Fact]
    public async Task A_Pipedrive_server_whose_next_start_creeps_forward_over_the_same_page_is_left_after_two_requests()
    {
        var server = Serve((request, connection) => connection.RespondAsync(200, PipedrivePage(
            ["a", "b"], $"\"start\":{Query(request, "start")},\"more_items_in_collection\":true,\"next_start\":{int.Parse(Query(request, "start")!, CultureInfo.InvariantCulture) + 1}")));

        var (ids, error) = await ReadAllAsync(Pipedrive(server, OnePageAtATime).ListAllAsync(pageSize: 2));

        Assert.Equal(["a", "b"], ids);
        Assert.Equal(2, server.Requests.Count);
        Assert.Contains("The page at start=1 repeats the previous page.", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"more_items_in_collection\":true", "names neither next_start nor its own start")]
    [InlineData("\"start\":0,\"more_items_in_collection\":true,\"next_start\":0", "next_start=0, which does not move past it")]
    public async Task A_Pipedrive_page_that_says_more_follow_but_gives_no_way_forward_ends_the_read_with_a_typed_exception(string pagination, string problem)
    {
        var server = Serve(200, PipedrivePage(["a"], pagination));

        var (ids, error) = await ReadAllAsync(Pipedrive(server, OnePageAtATime).ListAllAsync(pageSize: 1));

        Assert.Equal(["a"], ids);
        Assert.Single(server.Requests);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.OK, error.StatusCode);
    }

    [Fact]
    public async Task A_Pipedrive_page_that_says_more_follow_but_is_empty_ends_the_read()
    {
        var server = Serve(200, PipedrivePage([], "\"start\":0,\"more_items_in_collection\":true,\"next_start\":50"));

        var (ids, error) = await ReadAllAsync(Pipedrive(server).ListAllAsync());

        Assert.Empty(ids);
        Assert.Contains("says more call logs follow but holds none", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Close_page_that_says_has_more_but_is_empty_ends_the_read_with_a_typed_exception()
    {
        var server = Serve(200, """{"data":[],"has_more":true}""");

        var (ids, error) = await ReadAllAsync(Close(server, OnePageAtATime).ListAllAsync());

        Assert.Empty(ids);
        Assert.Single(server.Requests);
        Assert.Contains("says more calls follow (has_more) but holds none", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Close_server_that_ignores_skip_is_left_after_two_requests()
    {
        var server = Serve(200, """{"data":[{"id":"acti_a"},{"id":"acti_b"}],"has_more":true}""");

        var (ids, error) = await ReadAllAsync(Close(server, OnePageAtATime).ListAllAsync(pageSize: 2));

        Assert.Equal(["acti_a", "acti_b"], ids);
        Assert.Equal(2, server.Requests.Count);
        Assert.Contains("The page at _skip=2 repeats the previous page.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reading_to_the_snapshot_end_then_from_it_returns_every_call_created_meanwhile_exactly_once()
    {
        var clock = new SettableClock(new DateTimeOffset(2024, 1, 15, 10, 0, 0, 300, TimeSpan.Zero));
        var calls = new List<(string Id, DateTimeOffset Created)>
        {
            ("acti_before", clock.Now.AddSeconds(-1)),
            ("acti_same_second_before_the_read", clock.Now.AddMilliseconds(-200)),
        };
        var server = Serve((request, connection) =>
        {
            string body;
            lock (calls)
            {
                body = CloseWindowPage(calls, request);

                // Each request lets 400 ms pass, and a call is created in it: during the first read, then during the next.
                clock.Now = clock.Now.AddMilliseconds(400);
                calls.Add(($"acti_created_at_{clock.Now:HHmmss.fff}", clock.Now));
            }

            return connection.RespondAsync(200, body);
        });
        var client = Close(server, options => options.TimeProvider = clock);
        var snapshotEnd = new DateTimeOffset(2024, 1, 15, 10, 0, 0, TimeSpan.Zero);

        var first = await ReadIdsAsync(client.ListAllByDateWindowsAsync());
        var second = await ReadIdsAsync(client.ListAllByDateWindowsAsync(new CloseCallQuery
        {
            DateCreated = CloseDateRange.Between(snapshotEnd, snapshotEnd.AddSeconds(1)),
        }));

        Assert.Equal(["acti_before"], first);
        Assert.Equal(["acti_created_at_100000.700", "acti_same_second_before_the_read"], second.Order());
        Assert.Equal(calls.Where(call => call.Created < snapshotEnd.AddSeconds(1)).Select(call => call.Id).Order(), first.Concat(second).Order());
    }

    [Fact]
    public async Task Close_ListAllAsync_holds_one_page_at_a_time()
    {
        var server = Serve((request, connection) =>
        {
            var skip = int.Parse(Query(request, "_skip")!, CultureInfo.InvariantCulture);
            return connection.RespondAsync(200, $$"""{"data":[{"id":"acti_{{skip}}"}],"has_more":{{(skip < 2 ? "true" : "false")}}}""");
        });

        await AssertFirstItemReleasedByThirdPageAsync(Close(server).ListAllAsync(pageSize: 1), call => call.Id);
    }

    [Fact]
    public async Task Pipedrive_ListAllAsync_holds_one_page_at_a_time()
    {
        var server = Serve((request, connection) =>
        {
            var start = int.Parse(Query(request, "start")!, CultureInfo.InvariantCulture);
            return connection.RespondAsync(200, PipedrivePage(
                [$"c{start}"], $"\"start\":{start},\"more_items_in_collection\":{(start < 2 ? "true" : "false")},\"next_start\":{start + 1}"));
        });

        await AssertFirstItemReleasedByThirdPageAsync(Pipedrive(server).ListAllAsync(pageSize: 1), callLog => callLog.Id);
    }

    private static async Task AssertFirstItemReleasedByThirdPageAsync<T>(IAsyncEnumerable<T> items, Func<T, string> id)
        where T : class
    {
        await using var enumerator = items.GetAsyncEnumerator();
        var firstItem = await WeakFirstAsync(enumerator);
        Assert.True(await enumerator.MoveNextAsync());
        Assert.True(await enumerator.MoveNextAsync());
        Assert.EndsWith("2", id(enumerator.Current), StringComparison.Ordinal);

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        Assert.False(firstItem.IsAlive, "The first page's item is still referenced on the third page.");
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static async Task<WeakReference> WeakFirstAsync<T>(IAsyncEnumerator<T> enumerator)
    {
        Assert.True(await enumerator.MoveNextAsync());
        return new WeakReference(enumerator.Current);
    }

    private static async Task<(List<string> Ids, CallLogResponseFormatException Error)> ReadAllAsync<T>(IAsyncEnumerable<T> items)
        where T : class
    {
        var ids = new List<string>();
        var error = await Assert.ThrowsAsync<CallLogResponseFormatException>(async () =>
        {
            await foreach (var item in items)
            {
                ids.Add(item switch
                {
                    CallLogClient.Pipedrive.Models.PipedriveCallLog callLog => callLog.Id,
                    CloseCallActivity call => call.Id,
                    _ => throw new InvalidOperationException(),
                });
            }
        });
        return (ids, error);
    }

    private static async Task<List<string>> ReadIdsAsync(IAsyncEnumerable<CloseCallActivity> calls)
    {
        var ids = new List<string>();
        await foreach (var call in calls)
        {
            ids.Add(call.Id);
        }

        return ids;
    }

    private static string PipedrivePage(string[] ids, string pagination) =>
        """{"success":true,"data":[""" + string.Join(",", ids.Select(id => $$"""{"id":"{{id}}"}""")) +
        """],"additional_data":{"pagination":{""" + pagination + "}}}";

    /// <summary>The calls of a Close list request's date_created window, as Close would answer it (one page holds all).</summary>
    private static string CloseWindowPage(List<(string Id, DateTimeOffset Created)> calls, RawRequest request)
    {
        var from = Query(request, "date_created__gte") is { } gte ? DateTimeOffset.Parse(gte, CultureInfo.InvariantCulture) : DateTimeOffset.MinValue;
        var to = Query(request, "date_created__lt") is { } lt ? DateTimeOffset.Parse(lt, CultureInfo.InvariantCulture) : DateTimeOffset.MaxValue;
        var data = calls.Where(call => call.Created >= from && call.Created < to)
            .Select(call => new Dictionary<string, string> { ["id"] = call.Id, ["date_created"] = call.Created.ToString("O", CultureInfo.InvariantCulture) });
        return $$"""{"data":{{JsonSerializer.Serialize(data.ToList(), CloseJsonContextForTests.Default.ListDictionaryStringString)}},"has_more":false}""";
    }

    private static string? Query(RawRequest request, string name) =>
        HttpUtility.ParseQueryString(new Uri(new Uri("http://x"), request.Target).Query)[name];

    private sealed class SettableClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
