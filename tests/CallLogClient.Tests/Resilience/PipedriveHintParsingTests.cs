using System.Net;
using CallLogClient.Pipedrive;
using CallLogClient.Tests.Support;

namespace CallLogClient.Tests.Resilience;

/// <summary>Pipedrive's delay hints and rate-limit headers, read from responses built in memory.</summary>
public sealed class PipedriveHintParsingTests
{
    private static readonly DateTimeOffset Now = ManualTimeProvider.Epoch;

    [Theory]
    [InlineData(429, "Retry-After", "1", 1.0)]
    [InlineData(503, "Retry-After", "120", 120.0)]
    [InlineData(429, "Retry-After", "0.4", 0.4)]
    [InlineData(429, "Retry-After", "Tue, 01 Jan 2030 00:00:07 GMT", 7.0)]
    [InlineData(429, "Retry-After", "Mon, 31 Dec 2029 23:59:00 GMT", 0.0)]
    [InlineData(429, "x-ratelimit-reset", "2", 2.0)]
    [InlineData(429, "x-ratelimit-reset", "0.75", 0.75)]
    public void A_hint_becomes_the_wait_it_asks_for(int status, string header, string value, double seconds)
    {
        using var response = Response(status, (header, value));

        Assert.Equal(TimeSpan.FromSeconds(seconds), PipedriveProtocol.Instance.ParseRetryDelay(response, [], Now));
    }

    [Theory]
    [InlineData(503, "x-ratelimit-reset", "2")] // the window reset says nothing about an outage
    [InlineData(429, "Retry-After", "soon")]
    [InlineData(429, "Retry-After", "-5")]
    [InlineData(429, "x-ratelimit-reset", "2025-01-01")]
    [InlineData(429, "x-other", "2")]
    public void A_missing_or_unreadable_hint_asks_for_nothing(int status, string header, string value)
    {
        using var response = Response(status, (header, value));

        Assert.Null(PipedriveProtocol.Instance.ParseRetryDelay(response, [], Now));
    }

    /// <summary>A hint of more than a year (365 days) reads as a year: far past any wait cap, and no overflow on the way.</summary>
    [Theory]
    [InlineData("Retry-After", "31535999", 31_535_999.0)] // a second short of a year: kept as given
    [InlineData("Retry-After", "31536000", 31_536_000.0)] // exactly a year
    [InlineData("Retry-After", "31536001", 31_536_000.0)]
    [InlineData("Retry-After", "4000000000", 31_536_000.0)] // past int.MaxValue seconds
    [InlineData("Retry-After", "Sat, 01 Jan 2033 00:00:00 GMT", 31_536_000.0)] // a date three years on
    [InlineData("Retry-After", "1e15", 31_536_000.0)]
    [InlineData("x-ratelimit-reset", "31535999.5", 31_535_999.5)]
    [InlineData("x-ratelimit-reset", "31536000.5", 31_536_000.0)]
    [InlineData("x-ratelimit-reset", "79228162514264337593543950335", 31_536_000.0)] // decimal.MaxValue
    public void A_hint_longer_than_a_year_reads_as_a_year(string header, string value, double seconds)
    {
        using var response = Response(429, (header, value));

        Assert.Equal(TimeSpan.FromSeconds(seconds), PipedriveProtocol.Instance.ParseRetryDelay(response, [], Now));
    }

    [Fact]
    public void Retry_After_wins_over_the_window_reset()
    {
        using var response = Response(429, ("Retry-After", "3939"), ("x-ratelimit-reset", "2"));

        Assert.Equal(TimeSpan.FromSeconds(3939), PipedriveProtocol.Instance.ParseRetryDelay(response, [], Now));
    }

    [Fact]
    public void Every_rate_limit_header_is_read_and_the_reset_is_anchored_to_the_response_time()
    {
        using var response = Response(200, ("x-ratelimit-limit", "40"), ("x-ratelimit-remaining", "39"), ("x-ratelimit-reset", "2"), ("x-daily-requests-left", "9999"));

        var limit = PipedriveProtocol.Instance.ParseRateLimit(response, Now)!;

        Assert.Equal(40, limit.Limit);
        Assert.Equal(39, limit.Remaining);
        Assert.Equal(TimeSpan.FromSeconds(2), limit.ResetAfter);
        Assert.Equal(Now.AddSeconds(2), limit.ResetsAt);
        Assert.Equal(9999, limit.DailyRequestsLeft);
    }

    [Fact]
    public void Missing_or_garbled_rate_limit_headers_are_left_unknown()
    {
        using var none = Response(200);
        using var partial = Response(200, ("x-ratelimit-remaining", "many"), ("x-daily-requests-left", "12"));

        Assert.Null(PipedriveProtocol.Instance.ParseRateLimit(none, Now));
        var limit = PipedriveProtocol.Instance.ParseRateLimit(partial, Now)!;
        Assert.Null(limit.Remaining);
        Assert.Null(limit.ResetsAt);
        Assert.Equal(12, limit.DailyRequestsLeft);
    }

    private static HttpResponseMessage Response(int status, params (string Name, string Value)[] headers)
    {
        var response = new HttpResponseMessage((HttpStatusCode)status);
        foreach (var (name, value) in headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return response;
    }
}
