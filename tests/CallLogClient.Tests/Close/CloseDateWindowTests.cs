using CallLogClient.Close;
using CallLogClient.Close.Models;
using CallLogClient.Errors;
using CallLogClient.Tests.WireMock;

namespace CallLogClient.Tests.Close;

/// <summary>
/// Deep reads split <c>date_created</c> into windows that fit under the <c>_skip</c> cap. The stubs answer exact URLs,
/// so an unexpected request (a page past the cap, a repeated window) gets WireMock's 404 and fails the test.
/// </summary>
[Collection(WireMockCollection.Name)]
public sealed class CloseDateWindowTests(WireMockFixture wireMock) : IAsyncLifetime, IDisposable
{
    private const string SkipCapError =
        """{"error": "The skip you set is larger than the maximum skip for this resource (max_skip = {0}).\nPlease refine your search query."}""";

    private static readonly DateTimeOffset T0 = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    // One page at a time: these tests pin every request of the read, in order (Paging.PagerTests covers reading ahead).
    private readonly CloseCallActivitiesClient client = CloseTestClient.Create(wireMock, options => options.PagesInFlight = 1);

    public Task InitializeAsync()
    {
        wireMock.Reset();
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => client.Dispose();

    [Fact]
    public async Task Windows_that_would_pass_the_cap_are_halved_until_each_fits_and_every_call_comes_once()
    {
        client.MaxSkip = 2;
        // a, b in [0 s, 2 s); c in [2 s, 4 s); d at exactly 4 s (the server also lists it in [2 s, 4 s)); e in [4 s, 6 s); f in [6 s, 8 s).
        var a = Call("acti_a", "2024-01-01T00:00:00.500000+00:00");
        var b = Call("acti_b", "2024-01-01T00:00:01+00:00");
        var c = Call("acti_c", "2024-01-01T00:00:03.250000+00:00");
        var d = Call("acti_d", "2024-01-01T00:00:04+00:00");
        var e = Call("acti_e", "2024-01-01T00:00:05.999999+00:00");
        var f = Call("acti_f", "2024-01-01T00:00:07+00:00");
        (string Query, string Body)[] exchanges =
        [
            (Window(0, 8) + Page(0), Page(true, a)),
            (Window(0, 8) + Probe(2), Page(true, c)),
            (Window(0, 4) + Page(0), Page(true, a)),
            (Window(0, 4) + Probe(2), Page(true, c)),
            (Window(0, 2) + Page(0), Page(true, a)),
            (Window(0, 2) + Probe(2), Page(false)),
            (Window(0, 2) + Page(1), Page(false, b)),
            (Window(2, 4) + Page(0), Page(true, c)),
            (Window(2, 4) + Probe(2), Page(false)),
            (Window(2, 4) + Page(1), Page(false, d)),
            (Window(4, 8) + Page(0), Page(true, d)),
            (Window(4, 8) + Probe(2), Page(true, f)),
            (Window(4, 6) + Page(0), Page(true, d)),
            (Window(4, 6) + Probe(2), Page(false)),
            (Window(4, 6) + Page(1), Page(false, e)),
            (Window(6, 8) + Page(0), Page(false, f)),
        ];
        foreach (var (query, body) in exchanges)
        {
            CloseTestClient.StubList(wireMock, query, body);
        }

        var ids = await ReadAllAsync(CloseDateRange.Between(T0, T0.AddSeconds(8)), pageSize: 1);

        Assert.Equal(["acti_a", "acti_b", "acti_c", "acti_d", "acti_e", "acti_f"], ids);
        var requests = wireMock.Server.Requests();
        Assert.Equal(exchanges.Select(exchange => CloseTestClient.CallsPath + "?" + exchange.Query), requests.Select(request => request.PathAndQuery()));
        Assert.Empty(wireMock.Server.Unmatched());
    }

    [Fact]
    public async Task A_small_range_is_one_page_without_a_probe()
    {
        CloseTestClient.StubList(
            wireMock, Window(0, 8) + "&_skip=0&_limit=100", Page(false, Call("acti_a", "2024-01-01T00:00:01+00:00")));

        var ids = await ReadAllAsync(CloseDateRange.Between(T0, T0.AddSeconds(8)));

        Assert.Equal(["acti_a"], ids);
        Assert.Single(wireMock.Server.Requests());
    }

    [Fact]
    public async Task Close_answering_the_probe_with_its_max_skip_error_at_the_real_cap_lowers_the_cap_and_reads_on()
    {
        var a = Call("acti_a", "2024-01-01T00:00:00.250000+00:00");
        var b = Call("acti_b", "2024-01-01T00:00:01.750000+00:00");
        (string Query, string Body, int Status)[] exchanges =
        [
            (Window(0, 2) + "&_skip=0&_limit=100", Page(true, a), 200),
            (Window(0, 2) + "&_fields=id&_skip=250000&_limit=1", SkipCapError.Replace("{0}", "250000", StringComparison.Ordinal), 400),
            (Window(0, 2) + "&_fields=id&_skip=249999&_limit=1", Page(true, Call("acti_x", "2024-01-01T00:00:01+00:00")), 200),
            (Window(0, 1) + "&_skip=0&_limit=100", Page(false, a), 200),
            (Window(1, 2) + "&_skip=0&_limit=100", Page(false, b), 200),
        ];
        foreach (var (query, body, status) in exchanges)
        {
            CloseTestClient.StubList(wireMock, query, body, status);
        }

        var ids = await ReadAllAsync(CloseDateRange.Between(T0, T0.AddSeconds(2)));

        Assert.Equal(["acti_a", "acti_b"], ids);
        Assert.Equal(
            exchanges.Select(exchange => CloseTestClient.CallsPath + "?" + exchange.Query),
            (wireMock.Server.Requests()).Select(request => request.PathAndQuery()));
    }

    [Fact]
    public async Task A_lower_cap_named_by_Close_is_used_for_the_rest_of_the_read()
    {
        client.MaxSkip = 10;
        var a = Call("acti_a", "2024-01-01T00:00:00+00:00");
        var b = Call("acti_b", "2024-01-01T00:00:00.500000+00:00");
        var c = Call("acti_c", "2024-01-01T00:00:01+00:00");
        (string Query, string Body, int Status)[] exchanges =
        [
            (Window(0, 2) + Page(0), Page(true, a), 200),
            (Window(0, 2) + Probe(10), SkipCapError.Replace("{0}", "2", StringComparison.Ordinal), 400),
            (Window(0, 2) + Probe(2), Page(true, c), 200),
            (Window(0, 1) + Page(0), Page(true, a), 200),
            (Window(0, 1) + Probe(2), Page(false), 200),
            (Window(0, 1) + Page(1), Page(false, b), 200),
            (Window(1, 2) + Page(0), Page(false, c), 200),
        ];
        foreach (var (query, body, status) in exchanges)
        {
            CloseTestClient.StubList(wireMock, query, body, status);
        }

        var ids = await ReadAllAsync(CloseDateRange.Between(T0, T0.AddSeconds(2)), pageSize: 1);

        Assert.Equal(["acti_a", "acti_b", "acti_c"], ids);
        Assert.Equal(exchanges.Length, (wireMock.Server.Requests()).Count);
    }

    [Theory]
    [InlineData(5)] // above the skip tried: not a cap the client can go down to
    [InlineData(2)] // the skip tried was already the cap: lowering it by one is what Close wants, see the 250000 case
    public async Task A_max_skip_error_naming_a_cap_at_or_above_the_skip_tried_is_handled_by_its_rule(int named)
    {
        client.MaxSkip = 2;
        var a = Call("acti_a", "2024-01-01T00:00:00+00:00");
        var b = Call("acti_b", "2024-01-01T00:00:01+00:00");
        CloseTestClient.StubList(wireMock, Window(0, 2) + Page(0), Page(true, a));
        CloseTestClient.StubList(wireMock, Window(0, 2) + Probe(2), SkipCapError.Replace("{0}", named.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal), status: 400);
        CloseTestClient.StubList(wireMock, Window(0, 2) + Probe(1), Page(false));
        CloseTestClient.StubList(wireMock, Window(0, 2) + Page(1), Page(false, b));

        if (named > 2)
        {
            var exception = await Assert.ThrowsAsync<CallLogValidationException>(() => ReadAllAsync(CloseDateRange.Between(T0, T0.AddSeconds(2)), pageSize: 1));

            Assert.Contains("(max_skip = 5)", exception.ErrorMessage, StringComparison.Ordinal);
            Assert.Equal(2, wireMock.Server.Requests().Count);
        }
        else
        {
            Assert.Equal(["acti_a", "acti_b"], await ReadAllAsync(CloseDateRange.Between(T0, T0.AddSeconds(2)), pageSize: 1));
            Assert.Equal(
                [Window(0, 2) + Page(0), Window(0, 2) + Probe(2), Window(0, 2) + Probe(1), Window(0, 2) + Page(1)],
                wireMock.Server.Requests().Select(r => r.PathAndQuery()[(CloseTestClient.CallsPath.Length + 1)..]));
        }
    }

    [Fact]
    public async Task A_max_skip_error_naming_a_cap_of_zero_twice_ends_the_read_with_that_error_instead_of_looping()
    {
        client.MaxSkip = 2;
        var zero = SkipCapError.Replace("{0}", "0", StringComparison.Ordinal);
        CloseTestClient.StubList(wireMock, Window(0, 2) + Page(0), Page(true, Call("acti_a", "2024-01-01T00:00:00+00:00")));
        CloseTestClient.StubList(wireMock, Window(0, 2) + Probe(2), zero, status: 400);
        CloseTestClient.StubList(wireMock, Window(0, 2) + Probe(0), zero, status: 400);

        var exception = await Assert.ThrowsAsync<CallLogValidationException>(() => ReadAllAsync(CloseDateRange.Between(T0, T0.AddSeconds(2)), pageSize: 1));

        Assert.Contains("(max_skip = 0)", exception.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(
            [Window(0, 2) + Page(0), Window(0, 2) + Probe(2), Window(0, 2) + Probe(0)],
            wireMock.Server.Requests().Select(r => r.PathAndQuery()[(CloseTestClient.CallsPath.Length + 1)..]));
    }

    /// <summary>
    /// Close may list a call on the wrong side of a split point (its filter compares at its own precision): each half
    /// returns exactly the calls created within it, so a call just before the split point comes from the earlier half
    /// and one exactly at it from the later half, once each, neither dropped nor repeated.
    /// </summary>
    [Fact]
    public async Task Each_half_of_a_split_window_returns_exactly_the_calls_created_within_it()
    {
        client.MaxSkip = 2;
        var a = Call("acti_a", "2024-01-01T00:00:00.500000+00:00");
        var b = Call("acti_b", "2024-01-01T00:00:00.999999+00:00"); // a microsecond before the split point
        var c = Call("acti_c", "2024-01-01T00:00:01+00:00"); // exactly at the split point
        var d = Call("acti_d", "2024-01-01T00:00:01.500000+00:00");
        (string Query, string Body)[] exchanges =
        [
            (Window(0, 2) + Page(0), Page(true, a)),
            (Window(0, 2) + Probe(2), Page(true, c)),
            (Window(0, 1) + Page(0), Page(true, a)),
            (Window(0, 1) + Probe(2), Page(false)),
            (Window(0, 1) + Page(1), Page(true, b)),
            (Window(0, 1) + Page(2), Page(false, c)), // listed in the earlier half too
            (Window(1, 2) + Page(0), Page(true, b)), // listed in the later half too
            (Window(1, 2) + Probe(2), Page(false)),
            (Window(1, 2) + Page(1), Page(true, c)),
            (Window(1, 2) + Page(2), Page(false, d)),
        ];
        foreach (var (query, body) in exchanges)
        {
            CloseTestClient.StubList(wireMock, query, body);
        }

        var ids = await ReadAllAsync(CloseDateRange.Between(T0, T0.AddSeconds(2)), pageSize: 1);

        Assert.Equal(["acti_a", "acti_b", "acti_c", "acti_d"], ids);
        Assert.Equal(exchanges.Select(exchange => CloseTestClient.CallsPath + "?" + exchange.Query), wireMock.Server.Requests().Select(request => request.PathAndQuery()));
    }

    [Fact]
    public async Task Another_400_during_a_probe_is_not_mistaken_for_the_cap()
    {
        client.MaxSkip = 2;
        CloseTestClient.StubList(wireMock, Window(0, 2) + Page(0), Page(true, Call("acti_a", "2024-01-01T00:00:00+00:00")));
        CloseTestClient.StubList(
            wireMock, Window(0, 2) + Probe(2), """{"errors":[],"field-errors":{"_fields":"Unknown field."}}""", status: 400);

        var exception = await Assert.ThrowsAsync<CallLogValidationException>(() => ReadAllAsync(CloseDateRange.Between(T0, T0.AddSeconds(2)), pageSize: 1));

        Assert.Equal("Unknown field.", exception.FieldErrors["_fields"]);
        Assert.Equal(2, (wireMock.Server.Requests()).Count);
    }

    [Fact]
    public async Task More_calls_in_one_second_than_the_cap_allows_end_the_read_with_an_explanation()
    {
        client.MaxSkip = 1;
        CloseTestClient.StubList(wireMock, Window(0, 1) + Page(0), Page(true, Call("acti_a", "2024-01-01T00:00:00+00:00")));
        CloseTestClient.StubList(wireMock, Window(0, 1) + Probe(1), Page(true, Call("acti_b", "2024-01-01T00:00:00.500000+00:00")));

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => ReadAllAsync(CloseDateRange.Between(T0, T0.AddSeconds(1)), pageSize: 1));

        Assert.Contains("one second", exception.Message, StringComparison.Ordinal);
        Assert.Equal(2, (wireMock.Server.Requests()).Count);
    }

    [Fact]
    public async Task A_window_that_grows_past_the_cap_while_it_is_read_ends_the_read_instead_of_skipping_calls()
    {
        client.MaxSkip = 2;
        CloseTestClient.StubList(wireMock, Window(0, 2) + Page(0), Page(true, Call("acti_a", "2024-01-01T00:00:00+00:00")));
        CloseTestClient.StubList(wireMock, Window(0, 2) + Probe(2), Page(false));
        CloseTestClient.StubList(wireMock, Window(0, 2) + Page(1), Page(true, Call("acti_b", "2024-01-01T00:00:00.100000+00:00")));
        CloseTestClient.StubList(wireMock, Window(0, 2) + Page(2), Page(true, Call("acti_c", "2024-01-01T00:00:00.200000+00:00")));

        var ids = new List<string>();
        var exception = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await foreach (var call in client.ListAllByDateWindowsAsync(new CloseCallQuery { DateCreated = CloseDateRange.Between(T0, T0.AddSeconds(2)) }, pageSize: 1))
            {
                ids.Add(call.Id);
            }
        });

        Assert.Contains("grew past", exception.Message, StringComparison.Ordinal);
        Assert.Equal(["acti_a", "acti_b", "acti_c"], ids);
        Assert.Equal(4, (wireMock.Server.Requests()).Count);
    }

    [Fact]
    public async Task Without_bounds_the_read_ends_at_the_second_it_started_in_and_splits_from_the_epoch()
    {
        using var windowClient = CloseTestClient.Create(wireMock, options => options.TimeProvider = new FixedTimeProvider(new DateTimeOffset(2024, 1, 15, 10, 0, 0, 300, TimeSpan.Zero)));
        windowClient.MaxSkip = 1;
        const string end = "date_created__lt=2024-01-15T10:00:00%2B00:00";
        const string middle = "1997-01-07T17:00:00%2B00:00";
        var old = Call("acti_old", "1990-05-01T00:00:00+00:00");
        var recent = Call("acti_recent", "2024-01-15T09:59:59+00:00");
        (string Query, string Body)[] exchanges =
        [
            ($"{end}&_fields=note,id,date_created&_skip=0&_limit=1", Page(true, recent)),
            ($"{end}&_fields=id&_skip=1&_limit=1", Page(true, old)),
            ($"date_created__lt={middle}&_fields=note,id,date_created&_skip=0&_limit=1", Page(false, old)),
            ($"date_created__gte={middle}&{end}&_fields=note,id,date_created&_skip=0&_limit=1", Page(false, recent)),
        ];
        foreach (var (query, body) in exchanges)
        {
            CloseTestClient.StubList(wireMock, query, body);
        }

        var ids = new List<string>();
        await foreach (var call in windowClient.ListAllByDateWindowsAsync(new CloseCallQuery { Fields = ["note"] }, pageSize: 1))
        {
            ids.Add(call.Id);
        }

        Assert.Equal(["acti_old", "acti_recent"], ids);
        Assert.Equal(
            exchanges.Select(exchange => CloseTestClient.CallsPath + "?" + exchange.Query),
            (wireMock.Server.Requests()).Select(request => request.PathAndQuery()));
    }

    [Fact]
    public async Task Other_filters_and_the_callers_own_bounds_are_kept_on_every_window()
    {
        client.MaxSkip = 1;
        const string lead = "lead_id=lead_1";
        const string activity = "activity_at__gte=2023-12-01";
        const string lower = "date_created__gt=2024-01-01T00:00:00%2B00:00";
        const string upper = "date_created__lte=2024-01-01T00:00:02%2B00:00";
        const string middle = "2024-01-01T00:00:01%2B00:00";
        (string Query, string Body)[] exchanges =
        [
            ($"{lead}&{lower}&{upper}&{activity}&_skip=0&_limit=1", Page(true, Call("acti_a", "2024-01-01T00:00:00.500000+00:00"))),
            ($"{lead}&{lower}&{upper}&{activity}&_fields=id&_skip=1&_limit=1", Page(true, Call("acti_b", "2024-01-01T00:00:02+00:00"))),
            ($"{lead}&{lower}&date_created__lt={middle}&{activity}&_skip=0&_limit=1", Page(false, Call("acti_a", "2024-01-01T00:00:00.500000+00:00"))),
            ($"{lead}&date_created__gte={middle}&{upper}&{activity}&_skip=0&_limit=1", Page(false, Call("acti_b", "2024-01-01T00:00:02+00:00"))),
        ];
        foreach (var (url, body) in exchanges)
        {
            CloseTestClient.StubList(wireMock, url, body);
        }

        var query = new CloseCallQuery
        {
            LeadIds = ["lead_1"],
            ActivityAt = new CloseDateRange { GreaterThanOrEqual = new DateOnly(2023, 12, 1) },
            DateCreated = new CloseDateRange { GreaterThan = T0, LessThanOrEqual = T0.AddSeconds(2) },
        };
        var ids = new List<string>();
        await foreach (var call in client.ListAllByDateWindowsAsync(query, pageSize: 1))
        {
            ids.Add(call.Id);
        }

        Assert.Equal(["acti_a", "acti_b"], ids);
        Assert.Equal(4, (wireMock.Server.Requests()).Count);
    }

    private async Task<List<string>> ReadAllAsync(CloseDateRange range, int pageSize = 100)
    {
        var ids = new List<string>();
        await foreach (var call in client.ListAllByDateWindowsAsync(new CloseCallQuery { DateCreated = range }, pageSize))
        {
            ids.Add(call.Id);
        }

        return ids;
    }

    private static (string Id, string DateCreated) Call(string id, string dateCreated) => (id, dateCreated);

    private static string Page(bool hasMore, params (string Id, string DateCreated)[] calls) => CloseTestClient.PageWithTimes(hasMore, calls);

    /// <summary><c>date_created__gte=T0+from s&amp;date_created__lt=T0+to s</c>.</summary>
    private static string Window(int fromSecond, int toSecond) =>
        $"date_created__gte=2024-01-01T00:00:{fromSecond:00}%2B00:00&date_created__lt=2024-01-01T00:00:{toSecond:00}%2B00:00";

    private static string Page(int skip) => $"&_skip={skip}&_limit=1";

    private static string Probe(int skip) => $"&_fields=id&_skip={skip}&_limit=1";

    private sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
