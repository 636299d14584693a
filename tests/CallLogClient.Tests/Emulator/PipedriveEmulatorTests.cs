using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CallLogClient.Errors;
using CallLogClient.Pipedrive;
using CallLogClient.Pipedrive.Models;
using CallLogClient.Testing;

namespace CallLogClient.Tests.Emulator;

/// <summary>The Pipedrive emulation keeps state, checks the credential and the documented rules, and answers with the real bodies.</summary>
public sealed class PipedriveEmulatorTests : EmulatorTest
{
    private static PipedriveCreateCallLogRequest Call(string to = "+15555550100", int minute = 0) => new()
    {
        Outcome = PipedriveCallOutcome.Connected,
        ToPhoneNumber = to,
        StartTime = new DateTimeOffset(2024, 1, 15, 10, minute, 0, TimeSpan.Zero),
        EndTime = new DateTimeOffset(2024, 1, 15, 10, minute + 1, 30, TimeSpan.Zero),
        Duration = TimeSpan.FromSeconds(75),
        PersonId = 42,
        Note = "<p>Asked for a quote.</p>",
    };

    [Fact]
    public async Task A_call_log_lives_through_create_get_list_recording_and_delete()
    {
        var client = Pipedrive();

        var created = await client.CreateAsync(Call());
        var read = await client.GetAsync(created.Id);
        await client.AddRecordingAsync(created.Id, new MemoryStream([1, 2, 3, 4]), "call.wav", "audio/wav");
        var second = await Assert.ThrowsAsync<CallLogConflictException>(
            () => client.AddRecordingAsync(created.Id, new MemoryStream([5]), "again.wav", "audio/wav"));
        var withRecording = await client.GetAsync(created.Id);
        var stored = Assert.Single(Emulator.Pipedrive.CallLogs);
        await client.DeleteAsync(created.Id);
        var gone = await Assert.ThrowsAsync<CallLogNotFoundException>(() => client.GetAsync(created.Id));

        Assert.Equal(32, created.Id.Length);
        Assert.Equal(PipedriveCallOutcome.Connected, read.Outcome);
        Assert.Equal("+15555550100", read.ToPhoneNumber);
        Assert.Equal(new DateTimeOffset(2024, 1, 15, 10, 0, 0, TimeSpan.Zero), read.StartTime);
        Assert.Equal(TimeSpan.FromSeconds(75), read.Duration);
        Assert.Equal(42, read.PersonId);
        Assert.Equal("<p>Asked for a quote.</p>", read.Note);
        Assert.False(read.HasRecording);
        Assert.True(withRecording.HasRecording);
        Assert.Equal("A recording for this call already exists", second.ErrorMessage);
        Assert.Equal(new byte[] { 1, 2, 3, 4 }, stored.Recording!.Value.ToArray());
        Assert.Equal("audio/wav", stored.RecordingContentType);
        Assert.Equal("call.wav", stored.RecordingFileName);
        Assert.Equal("2024-01-15T10:00:00.000Z", stored.Data.GetProperty("start_time").GetString());
        Assert.Equal("75", stored.Data.GetProperty("duration").GetString());
        Assert.Empty(Emulator.Pipedrive.CallLogs);
        Assert.Equal("A resource required for this operation was not found.", gone.ErrorMessage);
    }

    [Fact]
    public async Task Pages_follow_start_and_limit_with_next_start_until_no_more_items()
    {
        var client = Pipedrive(options => options.PagesInFlight = 1); // pins every request
        for (var i = 0; i < 5; i++)
        {
            await client.CreateAsync(Call(minute: i));
        }

        var first = await client.ListPageAsync(start: 0, limit: 2);
        var last = await client.ListPageAsync(start: 4, limit: 2);
        var all = new List<PipedriveCallLog>();
        await foreach (var callLog in client.ListAllAsync(pageSize: 2))
        {
            all.Add(callLog);
        }

        Assert.Equal(2, first.Items.Count);
        Assert.True(first.Pagination.MoreItemsInCollection);
        Assert.Equal(2, first.Pagination.NextStart);
        Assert.Single(last.Items);
        Assert.False(last.Pagination.MoreItemsInCollection);
        Assert.Null(last.Pagination.NextStart);
        Assert.Equal(Emulator.Pipedrive.CallLogs.Select(c => c.Id), all.Select(c => c.Id));
        Assert.Equal(["?start=0&limit=2", "?start=2&limit=2", "?start=4&limit=2"],
            Emulator.Requests.Where(r => r.Method == "GET" && r.Query.Contains("limit=2", StringComparison.Ordinal)).Skip(2).Select(r => r.Query));
    }

    [Fact]
    public async Task A_wrong_token_gets_the_401_body_and_nothing_is_stored()
    {
        var client = Pipedrive(o => o.Credential = PipedriveCredential.FromApiToken("not-the-emulators-token"));

        var error = await Assert.ThrowsAsync<CallLogAuthenticationException>(() => client.CreateAsync(Call()));

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Equal("unauthorized access", error.ErrorMessage);
        Assert.Empty(Emulator.Pipedrive.CallLogs);
        Assert.Equal("***", Assert.Single(Emulator.Requests).Header("x-api-token"));
    }

    [Theory]
    [InlineData("""{"to_phone_number":"1","start_time":"2024-01-15 10:00:00","end_time":"2024-01-15 10:01:00"}""", "\"outcome\" is required.")]
    [InlineData("""{"outcome":"hung_up","to_phone_number":"1","start_time":"2024-01-15 10:00:00","end_time":"2024-01-15 10:01:00"}""", "\"outcome\" must be one of")]
    [InlineData("""{"outcome":"busy","start_time":"2024-01-15 10:00:00","end_time":"2024-01-15 10:01:00"}""", "\"to_phone_number\" is required.")]
    [InlineData("""{"outcome":"busy","to_phone_number":"1","end_time":"2024-01-15 10:01:00"}""", "\"start_time\" is required.")]
    [InlineData("""{"outcome":"busy","to_phone_number":"1","start_time":"15/01/2024","end_time":"2024-01-15 10:01:00"}""", "\"start_time\" must be a valid date")]
    [InlineData("""{"outcome":"busy","to_phone_number":"1","start_time":"2024-01-15 10:00:00","end_time":"2024-01-15 10:01:00","deal_id":1,"lead_id":"a"}""", "either a deal or a lead")]
    public async Task A_create_that_breaks_a_rule_gets_a_400_with_the_error_envelope(string body, string message)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Emulator.PipedriveBaseAddress, "callLogs"))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("x-api-token", Emulator.PipedriveApiToken);

        using var response = await Raw().SendAsync(request);
        using var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(error.RootElement.GetProperty("success").GetBoolean());
        Assert.Contains(message, error.RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("Please check developers.pipedrive.com", error.RootElement.GetProperty("error_info").GetString(), StringComparison.Ordinal);
        Assert.Empty(Emulator.Pipedrive.CallLogs);
    }

    [Fact]
    public async Task A_limit_over_50_is_refused()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(Emulator.PipedriveBaseAddress, "callLogs?limit=51"));
        request.Headers.Add("x-api-token", Emulator.PipedriveApiToken);

        using var response = await Raw().SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_rate_limit_answers_429_with_the_headers_and_the_client_waits_for_the_reset()
    {
        Emulator.Pipedrive.RateLimit = new RateLimit(30, TimeSpan.FromSeconds(1));
        var client = Pipedrive();

        var first = await client.ListPageWithResponseAsync();
        var second = await client.ListPageWithResponseAsync();

        Assert.Equal(10, first.RateLimit?.Remaining);
        Assert.Equal(2, second.Attempts);
        Assert.Equal(3, Emulator.Requests.Count);
        Assert.Equal(10, second.RateLimit?.Remaining);
    }

    [Fact]
    public async Task A_create_whose_connection_drops_after_it_was_stored_is_reported_unknown_and_exists()
    {
        Emulator.Pipedrive.Misbehaviour.FailNext(Fault.ResetAfterProcessing);
        var client = Pipedrive();

        var error = await Assert.ThrowsAsync<CallLogOutcomeUnknownException>(() => client.CreateAsync(Call()));

        Assert.Equal(1, error.Attempts);
        Assert.Single(Emulator.Pipedrive.CallLogs);
        Assert.Single(Emulator.Requests);
    }

    [Fact]
    public async Task A_read_through_a_reset_and_a_503_is_retried_until_it_succeeds()
    {
        var created = await Pipedrive().CreateAsync(Call());
        Emulator.Pipedrive.Misbehaviour.FailNext(Fault.ResetBeforeProcessing);
        Emulator.Pipedrive.Misbehaviour.FailNext(Fault.ServiceUnavailable);

        var read = await Pipedrive().GetWithResponseAsync(created.Id);

        Assert.Equal(created.Id, read.Value.Id);
        Assert.Equal(4, Emulator.Requests.Count);
    }
}
