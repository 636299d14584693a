using CallLogClient.Errors;
using CallLogClient.Pipedrive;
using CallLogClient.Pipedrive.Models;
using CallLogClient.Tests.WireMock;
using WireMock.RequestBuilders;
using static CallLogClient.Tests.WireMock.Answers;

namespace CallLogClient.Tests.Pipedrive;

public sealed class PipedriveListTests(WireMockFixture wireMock) : PipedriveWireMockTests(wireMock)
{
    private void StubThreePages() => WireMock.AddMappingFile("pipedrive/list-three-pages.json");

    /// <summary>
    /// A client reading one page at a time (<c>PagesInFlight = 1</c>), for the tests that pin every request of a read;
    /// <see cref="Paging.PagerTests"/> covers reading pages ahead.
    /// </summary>
    private PipedriveCallLogsClient Sequential() => CreateClient(options => options.PagesInFlight = 1);

    [Fact]
    public async Task A_page_is_read_from_the_reference_list_example()
    {
        StubJson("GET", "/v1/callLogs", 200, PipedriveFixtures.Read("list-response.json"));

        var page = await Client.ListPageAsync();

        var request = SingleRequest();
        Assert.Equal("GET", request.Method);
        Assert.Equal("/v1/callLogs?start=0&limit=50", request.PathAndQuery());
        AssertApiToken(request);
        Assert.Empty(request.BodyAsBytes ?? []);

        Assert.Equal(["CAd92b224eb4a39b5ad8fea92ff0e", "CAd92b224eb4a39b11a8fea92ff0e"], page.Items.Select(c => c.Id));
        Assert.Equal(PipedriveCallOutcome.Busy, page.Items[0].Outcome);
        Assert.Equal("Just call me maybe", page.Items[0].Subject);
        Assert.Null(page.Items[1].Subject);
        Assert.True(page.Items[1].HasRecording);
        Assert.Equal(0, page.Pagination.Start);
        Assert.Equal(50, page.Pagination.Limit);
        Assert.False(page.Pagination.MoreItemsInCollection);
        Assert.Equal(1, page.Pagination.NextStart);
        Assert.Null(page.NextStart); // more_items_in_collection is false: this is the last page
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(100, 25)]
    [InlineData(7, 50)]
    public async Task Start_and_limit_go_in_the_query(int start, int limit)
    {
        StubJson("GET", "/v1/callLogs", 200, """{"success":true,"data":[]}""");

        await Client.ListPageAsync(start, limit);

        var request = SingleRequest();
        Assert.Equal($"/v1/callLogs?start={start}&limit={limit}", request.PathAndQuery());
        Assert.Equal([$"{start}"], request.QueryValues("start"));
        Assert.Equal([$"{limit}"], request.QueryValues("limit"));
    }

    [Theory]
    [InlineData(0, 0, "limit")]
    [InlineData(0, 51, "limit")]
    [InlineData(0, -5, "limit")]
    [InlineData(-1, 50, "start")]
    public async Task Out_of_range_paging_is_refused_before_sending(int start, int limit, string field)
    {
        var exception = await Assert.ThrowsAnyAsync<ArgumentException>(() => Client.ListPageAsync(start, limit));

        Assert.Equal(field, exception.ParamName);
        AssertNothingSent();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(51)]
    public async Task An_out_of_range_page_size_is_refused_before_enumerating(int pageSize)
    {
        var exception = Assert.ThrowsAny<ArgumentException>(() => Client.ListAllAsync(pageSize));

        Assert.Equal("pageSize", exception.ParamName);
        AssertNothingSent();
    }

    [Fact]
    public async Task A_null_data_list_is_an_empty_page()
    {
        StubJson("GET", "/v1/callLogs", 200,
            """{"success":true,"data":null,"additional_data":{"pagination":{"start":0,"limit":50,"more_items_in_collection":false}}}""");

        var page = await Client.ListPageAsync();

        Assert.Empty(page.Items);
        Assert.Null(page.NextStart);
    }

    [Fact]
    public async Task A_page_without_pagination_block_is_the_last_one()
    {
        StubJson("GET", "/v1/callLogs", 200, """{"success":true,"data":[{"id":"only"}]}""");

        var page = await Client.ListPageAsync(start: 10, limit: 5);

        Assert.Equal("only", Assert.Single(page.Items).Id);
        Assert.Equal(10, page.Pagination.Start);
        Assert.Equal(5, page.Pagination.Limit);
        Assert.False(page.Pagination.MoreItemsInCollection);
        Assert.Null(page.NextStart);
    }

    [Fact]
    public async Task A_null_item_in_the_list_is_an_unreadable_response_not_a_null_reference()
    {
        StubJson("GET", "/v1/callLogs", 200, """{"success":true,"data":[{"id":"a"},null]}""");

        var error = await Assert.ThrowsAsync<CallLogResponseFormatException>(() => Client.ListPageAsync());

        Assert.Contains("null item", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_call_log_that_shifts_to_the_next_page_while_enumerating_is_returned_once()
    {
        const string Pagination = ""","additional_data":{"pagination":{"start":0,"limit":2,"more_items_in_collection":true,"next_start":2}}}""";
        Server.Given(Request.Create().UsingGet().WithPath("/v1/callLogs").WithParam("start", "0"))
            .RespondWith(Json(200, """{"success":true,"data":[{"id":"a"},{"id":"b"}]""" + Pagination));
        Server.Given(Request.Create().UsingGet().WithPath("/v1/callLogs").WithParam("start", "2")).RespondWith(Json(200,
            """{"success":true,"data":[{"id":"b"},{"id":"c"}],"additional_data":{"pagination":{"start":2,"limit":2,"more_items_in_collection":false}}}"""));

        var ids = new List<string>();
        await foreach (var callLog in Sequential().ListAllAsync(pageSize: 2))
        {
            ids.Add(callLog.Id);
        }

        Assert.Equal(["a", "b", "c"], ids);
        Assert.Equal(2, (Server.Requests()).Count);
    }

    [Fact]
    public async Task Enumerating_all_follows_every_page_in_order()
    {
        StubThreePages();

        var all = new List<PipedriveCallLog>();
        await foreach (var callLog in Sequential().ListAllAsync(pageSize: 2))
        {
            all.Add(callLog);
        }

        Assert.Equal(["page1-a", "page1-b", "page2-a", "page2-b", "page3-a"], all.Select(c => c.Id));
        Assert.Equal(TimeSpan.FromSeconds(5), all[2].Duration); // numeric duration on page 2
        Assert.Equal(new DateTimeOffset(2024, 3, 2, 9, 0, 0, TimeSpan.Zero), all[2].StartTime); // space-form date
        var requests = Server.Requests();
        Assert.Equal(
            ["/v1/callLogs?start=0&limit=2", "/v1/callLogs?start=2&limit=2", "/v1/callLogs?start=4&limit=2"],
            requests.Select(r => r.PathAndQuery()));
        Assert.All(requests, AssertApiToken);
    }

    [Fact]
    public async Task Pages_are_fetched_only_as_the_caller_consumes_them()
    {
        StubThreePages();

        var enumerator = Sequential().ListAllAsync(pageSize: 2).GetAsyncEnumerator();
        try
        {
            AssertNothingSent(); // asking for the sequence fetches nothing

            Assert.True(await enumerator.MoveNextAsync());
            Assert.Equal("page1-a", enumerator.Current.Id);
            Assert.True(await enumerator.MoveNextAsync());
            Assert.Equal("page1-b", enumerator.Current.Id);
            Assert.Single(Server.Requests()); // page 1 consumed, page 2 not yet asked for

            Assert.True(await enumerator.MoveNextAsync());
            Assert.Equal("page2-a", enumerator.Current.Id);
            Assert.Equal(2, (Server.Requests()).Count);
        }
        finally
        {
            await enumerator.DisposeAsync();
        }
    }

    [Fact]
    public async Task Breaking_out_stops_the_fetching()
    {
        StubThreePages();

        var seen = new List<string>();
        await foreach (var callLog in Sequential().ListAllAsync(pageSize: 2))
        {
            seen.Add(callLog.Id);
            if (callLog.Id == "page2-a")
            {
                break;
            }
        }

        Assert.Equal(["page1-a", "page1-b", "page2-a"], seen);
        var requests = Server.Requests();
        Assert.Equal(["/v1/callLogs?start=0&limit=2", "/v1/callLogs?start=2&limit=2"], requests.Select(r => r.PathAndQuery()));
    }

    [Fact]
    public async Task Cancelling_the_enumeration_fetches_no_further_page()
    {
        StubThreePages();
        using var cancellation = new CancellationTokenSource();

        var seen = new List<string>();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var callLog in Sequential().ListAllAsync(pageSize: 2).WithCancellation(cancellation.Token))
            {
                seen.Add(callLog.Id);
                if (seen.Count == 2)
                {
                    await cancellation.CancelAsync();
                }
            }
        });

        Assert.Equal(["page1-a", "page1-b"], seen);
        Assert.Single(Server.Requests());
    }

    [Fact]
    public async Task A_server_that_does_not_move_forward_does_not_loop_forever()
    {
        StubJson("GET", "/v1/callLogs", 200,
            """{"success":true,"data":[{"id":"again"}],"additional_data":{"pagination":{"start":0,"limit":1,"more_items_in_collection":true,"next_start":0}}}""");

        var all = new List<string>();
        var error = await Assert.ThrowsAsync<CallLogResponseFormatException>(async () =>
        {
            await foreach (var callLog in Sequential().ListAllAsync(pageSize: 1))
            {
                all.Add(callLog.Id);
            }
        });

        Assert.Equal(["again"], all);
        Assert.Single(Server.Requests());
        Assert.Contains("next_start=0, which does not move past it", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_error_on_a_later_page_surfaces_from_the_enumeration()
    {
        StubJson("GET", "/v1/callLogs", 200,
            """{"success":true,"data":[{"id":"first"}],"additional_data":{"pagination":{"start":0,"limit":1,"more_items_in_collection":true,"next_start":1}}}""");
        Server.Given(Request.Create().UsingGet().WithPath("/v1/callLogs").WithParam("start", "1"))
            .AtPriority(int.MinValue)
            .RespondWith(Json(401, PipedriveFixtures.Read("error-401-unauthorized.json")));

        var seen = new List<string>();
        var exception = await Assert.ThrowsAsync<CallLogAuthenticationException>(async () =>
        {
            await foreach (var callLog in Client.ListAllAsync(pageSize: 1))
            {
                seen.Add(callLog.Id);
            }
        });

        Assert.Equal(["first"], seen);
        Assert.Equal("unauthorized access", exception.ErrorMessage);
    }

    [Fact]
    public async Task Success_false_inside_a_200_list_is_a_failure()
    {
        StubJson("GET", "/v1/callLogs", 200, """{"success":false,"error":"Listing is disabled","data":null}""");

        var exception = await Assert.ThrowsAsync<CallLogResponseFormatException>(() => Client.ListPageAsync());

        Assert.Equal("Listing is disabled", exception.ErrorMessage);
        Assert.Equal(System.Net.HttpStatusCode.OK, exception.StatusCode);
    }
}
