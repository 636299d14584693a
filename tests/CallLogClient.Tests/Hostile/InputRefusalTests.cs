using System.Text.Json.Nodes;
using CallLogClient.Close;
using CallLogClient.Close.Models;
using CallLogClient.Pipedrive;
using CallLogClient.Pipedrive.Models;
using CallLogClient.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CallLogClient.Tests.Hostile;

/// <summary>Bad input is refused before anything is sent, with the field named.</summary>
public sealed class InputRefusalTests : HostileServerTest
{
    private static readonly DateTimeOffset Start = new(2024, 1, 15, 10, 0, 0, TimeSpan.Zero);

    public static TheoryData<string, Func<PipedriveCreateCallLogRequest, PipedriveCreateCallLogRequest>, string> PipedriveCreates => new()
    {
        { "CR/LF in the number", r => With(r, to: "+15555550100\r\nX-Injected: 1"), "request.ToPhoneNumber" },
        { "NUL in the number", r => With(r, to: "+1555\0"), "request.ToPhoneNumber" },
        { "a number longer than any", r => With(r, to: "+1" + new string('5', 40)), "request.ToPhoneNumber" },
        { "control character in the caller's number", r => With(r, from: "+1555\u001b0100"), "request.FromPhoneNumber" },
        { "outcome with white space", r => With(r, outcome: "connected "), "request.Outcome" },
        { "outcome with an inner space", r => With(r, outcome: "no answer"), "request.Outcome" },
        { "start at DateTimeOffset.MinValue", r => With(r, start: DateTimeOffset.MinValue), "request.StartTime" },
        { "end at DateTimeOffset.MaxValue", r => With(r, end: DateTimeOffset.MaxValue), "request.EndTime" },
        { "talk time longer than the call", r => With(r, duration: TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1)), "request.Duration" },
    };

    public static TheoryData<string, Func<CloseCreateCallRequest>, string> CloseCreates => new()
    {
        { "a trailing newline after an E.164 number", () => CloseWith(phone: "+16505551234\n"), "request.Phone" },
        { "a custom field nested 65 deep", () => CloseWith(custom: Nested(65)), "request.CustomFields" },
        { "a custom field holding NaN", () => CloseWith(custom: JsonValue.Create(double.NaN)), "request.CustomFields" },
        { "a custom field holding infinity in an array", () => CloseWith(custom: new JsonArray(1, JsonValue.Create(float.PositiveInfinity))), "request.CustomFields" },
        { "activity at DateTimeOffset.MaxValue", () => CloseWith(activityAt: DateTimeOffset.MaxValue), "request.ActivityAt" },
    };

    public static TheoryData<string, CloseDateRange> CloseRanges => new()
    {
        { "inverted", CloseDateRange.Between(Start, Start.AddDays(-1)) },
        { "DateOnly.MaxValue as the end", new CloseDateRange { LessThanOrEqual = DateOnly.MaxValue } },
        { "DateTimeOffset.MinValue as the start", new CloseDateRange { GreaterThanOrEqual = DateTimeOffset.MinValue } },
    };

    public static TheoryData<string, Action<RetryOptions>, string> RetrySettings => new()
    {
        { "a 1 ms attempt timeout", r => r.AttemptTimeout = TimeSpan.FromMilliseconds(1), "Retry.AttemptTimeout" },
        { "a 2-day attempt timeout", r => r.AttemptTimeout = TimeSpan.FromDays(2), "Retry.AttemptTimeout" },
        { "an overall timeout of TimeSpan.MaxValue", r => r.OverallTimeout = TimeSpan.MaxValue, "Retry.OverallTimeout" },
        { "a 2-day base delay", r => r.BaseDelay = TimeSpan.FromDays(2), "Retry.BaseDelay" },
        { "a 2-day longest backoff", r => r.MaxDelay = TimeSpan.FromDays(2), "Retry.MaxDelay" },
        { "a 2-day server wait", r => r.MaxServerDelay = TimeSpan.FromDays(2), "Retry.MaxServerDelay" },
        { "a thousand retries", r => r.MaxRetries = 1000, "Retry.MaxRetries" },
    };

    [Theory]
    [MemberData(nameof(PipedriveCreates))]
    public async Task A_Pipedrive_create_with_bad_input_is_refused_before_sending(string what, Func<PipedriveCreateCallLogRequest, PipedriveCreateCallLogRequest> change, string field)
    {
        var server = Serve(201, PipedriveOk);

        var error = await Assert.ThrowsAnyAsync<ArgumentException>(() => Pipedrive(server).CreateAsync(change(PipedriveCreate())));

        Assert.True(field == error.ParamName, $"{what}: {error.ParamName}");
        Assert.Empty(server.Requests);
    }

    [Theory]
    [MemberData(nameof(CloseCreates))]
    public async Task A_Close_create_with_bad_input_is_refused_before_sending(string what, Func<CloseCreateCallRequest> request, string field)
    {
        var server = Serve(200, CloseCallOk);

        var error = await Assert.ThrowsAnyAsync<ArgumentException>(() => Close(server).CreateAsync(request()));

        Assert.True(field == error.ParamName, $"{what}: {error.ParamName}");
        Assert.Empty(server.Requests);
    }

    [Theory]
    [MemberData(nameof(CloseRanges))]
    public async Task A_Close_date_range_that_cannot_be_sent_is_refused_before_sending(string what, CloseDateRange range)
    {
        var server = Serve(200, """{"data":[],"has_more":false}""");

        var error = await Assert.ThrowsAnyAsync<ArgumentException>(async () =>
        {
            await foreach (var _ in Close(server).ListAllByDateWindowsAsync(new CloseCallQuery { DateCreated = range }))
            {
            }
        });

        Assert.True(error.ParamName == "query.DateCreated", $"{what}: {error.ParamName}");
        Assert.Empty(server.Requests);
    }

    [Theory]
    [MemberData(nameof(RetrySettings))]
    public void Retry_settings_the_resilience_pipeline_cannot_hold_are_refused_at_construction_and_at_start_up(
        string what, Action<RetryOptions> change, string field)
    {
        var server = Serve(200, PipedriveOk);
        var error = Assert.ThrowsAny<ArgumentException>(() => Pipedrive(server, options => change(options.Retry)));
        Assert.True(field == error.ParamName, $"{what}: {error.ParamName}");

        var services = new ServiceCollection();
        services.AddPipedriveCallLogs(options =>
        {
            options.Credential = PipedriveCredential.FromApiToken(TestSecrets.PipedriveApiToken);
            change(options.Retry);
        });
        using var provider = services.BuildServiceProvider();
        var startUp = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<PipedriveClientOptions>>().Value);
        Assert.Contains(field, startUp.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_budget_window_longer_than_a_timer_can_wait_is_refused()
    {
        var server = Serve(200, PipedriveOk);

        var error = Assert.ThrowsAny<ArgumentException>(() => Pipedrive(server, options =>
            options.RequestBudget = new RateLimiting.RequestBudget { Tokens = 80, Window = TimeSpan.FromDays(50) }));

        Assert.Equal("RequestBudget.Window", error.ParamName);
    }

    [Theory]
    [InlineData("tökén")]
    [InlineData("token\u00a0with-nbsp")]
    public void Credentials_that_are_not_visible_ASCII_are_refused(string secret)
    {
        Assert.Equal("apiToken", Assert.ThrowsAny<ArgumentException>(() => PipedriveCredential.FromApiToken(secret)).ParamName);
        Assert.Equal("accessToken", Assert.ThrowsAny<ArgumentException>(() => PipedriveCredential.FromAccessToken(secret)).ParamName);
        Assert.Equal("apiKey", Assert.ThrowsAny<ArgumentException>(() => CloseCredential.FromApiKey(secret)).ParamName);
        Assert.Equal("accessToken", Assert.ThrowsAny<ArgumentException>(() => CloseCredential.FromAccessToken(secret)).ParamName);
    }

    [Theory]
    [InlineData("dialer€")]
    [InlineData("dialer\u0007")]
    public void An_application_id_that_cannot_go_in_a_header_is_refused(string applicationId)
    {
        var server = Serve(200, PipedriveOk);

        var error = Assert.ThrowsAny<ArgumentException>(() => Pipedrive(server, options => options.ApplicationId = applicationId));

        Assert.Equal("ApplicationId", error.ParamName);
    }

    private static PipedriveCreateCallLogRequest With(
        PipedriveCreateCallLogRequest r, string? to = null, string? from = null, string? outcome = null,
        DateTimeOffset? start = null, DateTimeOffset? end = null, TimeSpan? duration = null) => new()
        {
            Outcome = outcome is null ? r.Outcome : new PipedriveCallOutcome(outcome),
            ToPhoneNumber = to ?? r.ToPhoneNumber,
            FromPhoneNumber = from ?? r.FromPhoneNumber,
            StartTime = start ?? r.StartTime,
            EndTime = end ?? r.EndTime,
            Duration = duration ?? r.Duration,
            Note = r.Note,
        };

    private static CloseCreateCallRequest CloseWith(string? phone = null, JsonNode? custom = null, DateTimeOffset? activityAt = null) => new()
    {
        LeadId = "lead_1",
        Direction = CloseCallDirection.Outbound,
        Phone = phone ?? TestSecrets.PhoneNumber,
        ActivityAt = activityAt,
        CustomFields = custom is null ? null : new Dictionary<string, JsonNode?> { ["cf_x"] = custom },
    };

    private static JsonNode Nested(int depth)
    {
        JsonNode node = JsonValue.Create(1);
        for (var i = 1; i < depth; i++)
        {
            node = new JsonArray(node);
        }

        return node;
    }
}
