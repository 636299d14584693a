using CallLogClient.Close;
using CallLogClient.Close.Models;
using CallLogClient.Tests.WireMock;

namespace CallLogClient.Tests.Close;

[Collection(WireMockCollection.Name)]
public sealed class CloseListTests(WireMockFixture wireMock) : IAsyncLifetime, IDisposable
{
    private readonly CloseCallActivitiesClient client = CloseTestClient.Create(wireMock);

    /// <summary>
    /// Reads one page at a time (<c>PagesInFlight = 1</c>), for the tests that pin every request of a read;
    /// <c>Paging.PagerTests</c> covers reading pages ahead.
    /// </summary>
    private readonly CloseCallActivitiesClient sequential = CloseTestClient.Create(wireMock, options => options.PagesInFlight = 1);

    public Task InitializeAsync()
    {
        wireMock.Reset();
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        client.Dispose();
        sequential.Dispose();
    }

    [Fact]
    public async Task A_page_is_read_with_basic_auth_the_trailing_slash_and_skip_and_limit()
    {
        CloseTestClient.StubList(wireMock, "_skip=0&_limit=100", CloseFixtures.Read("list-response.json"));

        var page = await client.ListPageAsync();

        var request = Assert.Single(wireMock.Server.Requests());
        Assert.Equal("GET", request.Method);
        Assert.Equal("/api/v1/activity/call/?_skip=0&_limit=100", request.PathAndQuery());
        Assert.Equal(CloseTestClient.ExpectedAuthorization, request.Header("Authorization"));
        Assert.StartsWith("CallLogClient/", request.Header("User-Agent"), StringComparison.Ordinal);
        Assert.Empty(request.BodyAsBytes ?? []);
        Assert.False(page.HasMore);
        Assert.Null(page.NextSkip);
        Assert.Equal(0, page.Skip);
        var call = Assert.Single(page.Items);
        Assert.Equal("acti_Ay0QqN91HKAHVQUesISYV8QlhDobGfWb1Ui3TE75pJR", call.Id);
        Assert.Equal(2m, call.Cost);
    }

    [Fact]
    public async Task A_null_item_in_the_list_is_an_unreadable_response_not_a_null_reference()
    {
        CloseTestClient.StubList(wireMock, "_skip=0&_limit=100", """{"data":[null],"has_more":false}""");

        var error = await Assert.ThrowsAsync<CallLogClient.Errors.CallLogResponseFormatException>(() => client.ListPageAsync());

        Assert.Contains("null item", error.Message, StringComparison.Ordinal);
        Assert.Single(wireMock.Server.Requests());
    }

    [Fact]
    public async Task Every_filter_is_sent_in_a_fixed_order_with_offsets_escaped_and_lists_comma_separated()
    {
        const string expectedQuery =
            "id__in=acti_1,acti_2&lead_id=lead_1&contact_id=cont_1,cont_2&user_id=user_1&organization_id=orga_1"
            + "&date_created__gte=2024-01-15T10:00:00%2B00:00&date_created__lt=2024-02-01"
            + "&activity_at__gt=2024-01-01&activity_at__lte=2024-01-31T23:59:59.500000%2B00:00"
            + "&_fields=id,recording_transcript&_skip=200&_limit=50";
        CloseTestClient.StubList(wireMock, expectedQuery, CloseTestClient.Page(true, "acti_1", "acti_2"));
        var query = new CloseCallQuery
        {
            Ids = ["acti_1", "acti_2"],
            LeadIds = ["lead_1"],
            ContactIds = ["cont_1", "cont_2"],
            UserIds = ["user_1"],
            OrganizationId = "orga_1",
            DateCreated = new CloseDateRange
            {
                GreaterThanOrEqual = new DateTimeOffset(2024, 1, 15, 12, 0, 0, TimeSpan.FromHours(2)),
                LessThan = new DateOnly(2024, 2, 1),
            },
            ActivityAt = new CloseDateRange
            {
                GreaterThan = new DateOnly(2024, 1, 1),
                LessThanOrEqual = new DateTimeOffset(2024, 1, 31, 23, 59, 59, 500, TimeSpan.Zero),
            },
            Fields = [CloseCallFieldNames.Id, CloseCallFieldNames.RecordingTranscript],
        };

        var page = await client.ListPageAsync(query, skip: 200, limit: 50);

        var request = Assert.Single(wireMock.Server.Requests());
        Assert.Equal(CloseTestClient.CallsPath + "?" + expectedQuery, request.PathAndQuery());
        Assert.Equal(["2024-01-15T10:00:00+00:00"], request.QueryValues("date_created__gte"));
        Assert.Equal(["2024-01-31T23:59:59.500000+00:00"], request.QueryValues("activity_at__lte"));
        Assert.True(page.HasMore);
        Assert.Equal(202, page.NextSkip);
        Assert.Equal(["acti_1", "acti_2"], page.Items.Select(call => call.Id));
    }

    [Theory]
    [InlineData("gt", "date_created__gt=2024-03-01T00:00:00%2B00:00")]
    [InlineData("gte", "date_created__gte=2024-03-01T00:00:00%2B00:00")]
    [InlineData("lt", "date_created__lt=2024-03-01T00:00:00%2B00:00")]
    [InlineData("lte", "date_created__lte=2024-03-01T00:00:00%2B00:00")]
    public async Task Each_date_created_bound_is_sent_under_its_own_suffix(string bound, string expectedFilter)
    {
        CloseDateValue value = new DateTimeOffset(2024, 2, 29, 19, 0, 0, TimeSpan.FromHours(-5));
        var range = bound switch
        {
            "gt" => new CloseDateRange { GreaterThan = value },
            "gte" => new CloseDateRange { GreaterThanOrEqual = value },
            "lt" => new CloseDateRange { LessThan = value },
            _ => new CloseDateRange { LessThanOrEqual = value },
        };
        CloseTestClient.StubList(wireMock, expectedFilter + "&_skip=0&_limit=100", CloseTestClient.Page(false));

        var page = await client.ListPageAsync(new CloseCallQuery { DateCreated = range });

        Assert.Equal(CloseTestClient.CallsPath + "?" + expectedFilter + "&_skip=0&_limit=100", Assert.Single(wireMock.Server.Requests()).PathAndQuery());
        Assert.Empty(page.Items);
    }

    [Theory]
    [InlineData("gt", "activity_at__gt=2024-03-01")]
    [InlineData("gte", "activity_at__gte=2024-03-01")]
    [InlineData("lt", "activity_at__lt=2024-03-01")]
    [InlineData("lte", "activity_at__lte=2024-03-01")]
    public async Task Each_activity_at_bound_takes_a_plain_date(string bound, string expectedFilter)
    {
        CloseDateValue value = new DateOnly(2024, 3, 1);
        var range = bound switch
        {
            "gt" => new CloseDateRange { GreaterThan = value },
            "gte" => new CloseDateRange { GreaterThanOrEqual = value },
            "lt" => new CloseDateRange { LessThan = value },
            _ => new CloseDateRange { LessThanOrEqual = value },
        };
        CloseTestClient.StubList(wireMock, expectedFilter + "&_skip=0&_limit=10", CloseTestClient.Page(false));

        await client.ListPageAsync(new CloseCallQuery { ActivityAt = range }, limit: 10);

        Assert.Equal(CloseTestClient.CallsPath + "?" + expectedFilter + "&_skip=0&_limit=10", Assert.Single(wireMock.Server.Requests()).PathAndQuery());
    }

    [Fact]
    public async Task Filter_values_are_percent_encoded_so_they_cannot_break_the_query()
    {
        const string expectedQuery = "lead_id=lead_a%2Bb%26c%3Dd,lead_%C3%A9&organization_id=orga%20x%2Fy&_skip=0&_limit=100";
        CloseTestClient.StubList(wireMock, expectedQuery, CloseTestClient.Page(false));

        await client.ListPageAsync(new CloseCallQuery { LeadIds = ["lead_a+b&c=d", "lead_é"], OrganizationId = "orga x/y" });

        var request = Assert.Single(wireMock.Server.Requests());
        Assert.Equal(CloseTestClient.CallsPath + "?" + expectedQuery, request.PathAndQuery());
        Assert.Equal(["lead_a+b&c=d,lead_é"], request.QueryValues("lead_id"));
        Assert.Equal(["orga x/y"], request.QueryValues("organization_id"));
    }

    [Fact]
    public async Task All_pages_are_read_lazily_in_order_advancing_skip_by_the_items_received()
    {
        wireMock.AddMappingFile("close/list-three-pages.json");

        var calls = new List<CloseCallActivity>();
        await foreach (var call in sequential.ListAllAsync(pageSize: 2))
        {
            calls.Add(call);
        }

        Assert.Equal(["acti_1", "acti_2", "acti_3", "acti_4", "acti_5"], calls.Select(call => call.Id));
        Assert.Equal(CloseCallMethod.External, calls[2].CallMethod);
        Assert.Equal(CloseCallStatus.NoAnswer, calls[4].Status);
        var requests = wireMock.Server.Requests();
        Assert.Equal(
            ["?_skip=0&_limit=2", "?_skip=2&_limit=2", "?_skip=4&_limit=2"],
            requests.Select(request => request.PathAndQuery()[CloseTestClient.CallsPath.Length..]));
        Assert.All(requests, request => Assert.Equal(CloseTestClient.ExpectedAuthorization, request.Header("Authorization")));
    }

    [Fact]
    public async Task Nothing_is_fetched_until_the_enumeration_starts_and_breaking_out_fetches_no_further_page()
    {
        wireMock.AddMappingFile("close/list-three-pages.json");

        var calls = sequential.ListAllAsync(pageSize: 2);
        Assert.Empty(wireMock.Server.Requests());
        await foreach (var call in calls)
        {
            Assert.Equal("acti_1", call.Id);
            break;
        }

        Assert.Equal(CloseTestClient.CallsPath + "?_skip=0&_limit=2", Assert.Single(wireMock.Server.Requests()).PathAndQuery());
    }

    [Fact]
    public async Task Breaking_out_on_the_second_page_fetches_two_pages_only()
    {
        wireMock.AddMappingFile("close/list-three-pages.json");

        var seen = new List<string>();
        await foreach (var call in sequential.ListAllAsync(pageSize: 2))
        {
            seen.Add(call.Id);
            if (call.Id == "acti_3")
            {
                break;
            }
        }

        Assert.Equal(["acti_1", "acti_2", "acti_3"], seen);
        Assert.Equal(2, (wireMock.Server.Requests()).Count);
    }

    [Fact]
    public async Task A_call_that_shifts_onto_the_next_page_while_reading_is_returned_once()
    {
        var query = new CloseCallQuery { LeadIds = ["lead_1"] };
        CloseTestClient.StubList(wireMock, "lead_id=lead_1&_skip=0&_limit=2", CloseTestClient.Page(true, "acti_9", "acti_8"));
        CloseTestClient.StubList(wireMock, "lead_id=lead_1&_skip=2&_limit=2", CloseTestClient.Page(true, "acti_8", "acti_7"));
        CloseTestClient.StubList(wireMock, "lead_id=lead_1&_skip=4&_limit=2", CloseTestClient.Page(false, "acti_6"));

        var ids = new List<string>();
        await foreach (var call in sequential.ListAllAsync(query, pageSize: 2))
        {
            ids.Add(call.Id);
        }

        Assert.Equal(["acti_9", "acti_8", "acti_7", "acti_6"], ids);
        Assert.Equal(3, (wireMock.Server.Requests()).Count);
    }

    [Fact]
    public async Task Listing_everything_stops_at_the_skip_cap_and_points_to_the_date_window_read()
    {
        client.MaxSkip = 4;
        CloseTestClient.StubList(wireMock, "_skip=0&_limit=2", CloseTestClient.Page(true, "acti_1", "acti_2"));
        CloseTestClient.StubList(wireMock, "_skip=2&_limit=2", CloseTestClient.Page(true, "acti_3", "acti_4"));
        CloseTestClient.StubList(wireMock, "_skip=4&_limit=2", CloseTestClient.Page(true, "acti_5", "acti_6"));

        var ids = new List<string>();
        var exception = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await foreach (var call in client.ListAllAsync(pageSize: 2))
            {
                ids.Add(call.Id);
            }
        });

        Assert.Contains(nameof(ICloseCallActivitiesClient.ListAllByDateWindowsAsync), exception.Message, StringComparison.Ordinal);
        Assert.Equal(["acti_1", "acti_2", "acti_3", "acti_4", "acti_5", "acti_6"], ids);
        Assert.Equal(3, (wireMock.Server.Requests()).Count);
    }
}
