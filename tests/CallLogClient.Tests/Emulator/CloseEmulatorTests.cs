using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CallLogClient.Close;
using CallLogClient.Close.Models;
using CallLogClient.Errors;
using CallLogClient.Testing;

namespace CallLogClient.Tests.Emulator;

/// <summary>The Close emulation keeps state, applies partial updates, pages with filters and the skip cap, and checks the documented rules.</summary>
public sealed class CloseEmulatorTests : EmulatorTest
{
    private static CloseCreateCallRequest Call(string lead = "lead_1", int seconds = 153) => new()
    {
        LeadId = lead,
        Direction = CloseCallDirection.Outbound,
        Phone = "+16505551234",
        Duration = TimeSpan.FromSeconds(seconds),
        NoteHtml = "<body><p>Call notes</p></body>",
        RecordingUrl = new Uri("https://recordings.example.com/1234.mp3"),
    };

    [Fact]
    public async Task A_call_lives_through_create_get_partial_update_list_and_delete()
    {
        var client = Close();

        var created = await client.CreateAsync(Call());
        var updated = await client.UpdateAsync(created.Id, new CloseUpdateCallRequest { OutcomeId = "outcome_demo" });
        var listed = await client.ListPageAsync(new CloseCallQuery { LeadIds = ["lead_1"] });
        var otherLead = await client.ListPageAsync(new CloseCallQuery { LeadIds = ["lead_2"] });
        await client.DeleteAsync(created.Id);
        var gone = await Assert.ThrowsAsync<CallLogNotFoundException>(() => client.GetAsync(created.Id));

        Assert.StartsWith("acti_", created.Id, StringComparison.Ordinal);
        Assert.Equal(CloseCallStatus.Completed, created.Status);
        Assert.Equal(CloseCallSource.External, created.Source);
        Assert.Equal(CloseCallMethod.External, created.CallMethod);
        Assert.Equal(0m, created.Cost);
        Assert.Equal("Call notes", created.Note);
        Assert.Equal("outcome_demo", updated.OutcomeId);
        Assert.Equal("<body><p>Call notes</p></body>", updated.NoteHtml);
        Assert.Equal(TimeSpan.FromSeconds(153), updated.Duration);
        Assert.Equal(created.Id, Assert.Single(listed.Items).Id);
        Assert.False(listed.HasMore);
        Assert.Empty(otherLead.Items);
        Assert.Empty(Emulator.Close.Calls);
        Assert.Equal("Empty query: Call matching query does not exist.", gone.ErrorMessage);
        var update = Emulator.Requests.Single(r => r.Method == "PUT");
        Assert.Equal("""{"outcome_id":"outcome_demo"}""", update.BodyText);
        Assert.Equal("Basic ***", update.Header("Authorization"));
    }

    [Fact]
    public async Task Dates_come_back_with_microseconds_and_cost_as_a_string()
    {
        await Close().CreateAsync(Call());

        var stored = Assert.Single(Emulator.Close.Calls).Data;

        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}\+00:00$", stored.GetProperty("date_created").GetString());
        Assert.Equal(JsonValueKind.String, stored.GetProperty("cost").ValueKind);
    }

    [Fact]
    public async Task Transcripts_come_only_when_fields_asks_for_them()
    {
        var transcript = new JsonObject { ["summary_text"] = "Booked a demo.", ["utterances"] = new JsonArray() };
        var id = Emulator.Close.AddCall("lead_1", transcript: transcript);
        var client = Close();

        var plain = await client.GetAsync(id);
        var asked = await client.GetAsync(id, ["id", CloseCallFieldNames.RecordingTranscript]);

        Assert.Null(plain.RecordingTranscript);
        Assert.NotNull(plain.LeadId);
        Assert.Equal("Booked a demo.", asked.RecordingTranscript?.SummaryText);
        Assert.Null(asked.LeadId);
    }

    [Fact]
    public async Task Clearing_the_recording_url_of_a_call_made_in_Close_drops_its_recording()
    {
        var id = Emulator.Close.AddCall("lead_1", madeInClose: true);
        var client = Close();

        var cleared = await client.UpdateAsync(id, new CloseUpdateCallRequest { Clear = CloseClearableFields.RecordingUrl });

        Assert.False(cleared.HasRecording);
        Assert.Null(cleared.RecordingUrl);
    }

    [Fact]
    public async Task A_deep_read_crosses_a_small_skip_cap_and_returns_every_call_once()
    {
        var start = new DateTimeOffset(2024, 3, 1, 0, 0, 0, TimeSpan.Zero);
        var ids = Enumerable.Range(0, 60).Select(i => Emulator.Close.AddCall("lead_1", start.AddMinutes(i * 7), madeInClose: false)).ToHashSet();
        Emulator.Close.MaxSkip = 20;
        var client = Close();

        var read = new List<string>();
        await foreach (var call in client.ListAllByDateWindowsAsync(
            new CloseCallQuery { DateCreated = CloseDateRange.Between(start, start.AddDays(1)) }, pageSize: 10))
        {
            read.Add(call.Id);
        }

        Assert.Equal(60, read.Count);
        Assert.Equal(ids, read.ToHashSet());
        var skips = Emulator.Requests.Select(r => int.Parse(r.Query.Split("_skip=")[1].Split('&')[0], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(250_000, skips[1]); // the probe Close refused with max_skip = 20
        Assert.All(skips.Skip(2), skip => Assert.InRange(skip, 0, 20));
        Assert.True(Emulator.Requests.Select(r => r.Query.Split("date_created__lt=")[1].Split('&')[0]).Distinct().Count() > 4);
    }

    [Fact]
    public async Task A_skip_past_the_cap_gets_the_max_skip_error()
    {
        Emulator.Close.MaxSkip = 20;

        var error = await Assert.ThrowsAsync<CallLogValidationException>(() => Close().ListPageAsync(skip: 30, limit: 10));

        Assert.Contains("(max_skip = 20)", error.ErrorMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"direction":"outbound"}""", "lead", "This field is required.")]
    [InlineData("""{"lead_id":"lead_1","phone":"650-555-1234"}""", "phone", "E.164")]
    [InlineData("""{"lead_id":"lead_1","recording_url":"http://recordings.example.com/1.mp3"}""", "recording_url", "https")]
    [InlineData("""{"lead_id":"lead_1","duration":604801}""", "duration", "604800")]
    [InlineData("""{"lead_id":"lead_1","status":"hung-up"}""", "status", "Not a valid choice.")]
    [InlineData("""{"lead_id":"lead_1","colour":"red"}""", "colour", "Unknown field.")]
    public async Task A_create_that_breaks_a_rule_gets_field_errors(string body, string field, string message)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Emulator.CloseBaseAddress, "activity/call/"))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(Emulator.CloseApiKey + ":")));

        using var response = await Raw().SendAsync(request);
        using var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, error.RootElement.GetProperty("errors").GetArrayLength());
        Assert.Contains(message, error.RootElement.GetProperty("field-errors").GetProperty(field).GetString(), StringComparison.Ordinal);
        Assert.Empty(Emulator.Close.Calls);
    }

    [Fact]
    public async Task Exactly_seven_days_is_the_longest_duration_accepted()
    {
        var call = await Close().CreateAsync(Call(seconds: 604_800));

        Assert.Equal(TimeSpan.FromDays(7), call.Duration);
    }

    [Fact]
    public async Task A_wrong_key_gets_the_401_body()
    {
        var error = await Assert.ThrowsAsync<CallLogAuthenticationException>(
            () => Close(o => o.Credential = CloseCredential.FromApiKey("api_wrong")).GetAsync("acti_1"));

        Assert.StartsWith("The server could not verify that you are authorized", error.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_reset_it_sends_never_comes_before_the_window_ends()
    {
        var clock = new Support.ManualTimeProvider();
        var options = new CallLogEmulatorOptions { TimeProvider = clock };
        await using var emulator = await CallLogEmulator.StartAsync(options);
        emulator.Close.RateLimit = new RateLimit(1, TimeSpan.FromSeconds(1));
        var client = Raw();
        async Task<HttpResponseMessage> ListAsync()
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(emulator.CloseBaseAddress, "activity/call/"));
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(options.CloseApiKey + ":")));
            return await client.SendAsync(request);
        }

        using var first = await ListAsync();
        clock.Advance(TimeSpan.FromTicks(9_996_000)); // 0.4 ms of the window left
        using var refused = await ListAsync();

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("limit=1, remaining=0, reset=0.001", refused.Headers.GetValues("RateLimit").Single()); // not 0: rounded up
        Assert.Equal("1", refused.Headers.RetryAfter?.Delta?.TotalSeconds.ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_rate_limit_answers_429_with_RateLimit_and_Retry_After_and_the_client_waits()
    {
        Emulator.Close.RateLimit = new RateLimit(2, TimeSpan.FromMilliseconds(1500)); // long enough for two cold calls on a busy machine
        var client = Close();

        await client.ListPageAsync();
        await client.ListPageAsync();
        var third = await client.ListPageWithResponseAsync();

        Assert.Equal(2, third.Attempts);
        Assert.Contains(Emulator.Requests, r => r.Method == "GET");
        Assert.Equal(1, third.RateLimit?.Remaining);
    }

    [Fact]
    public async Task An_update_whose_answer_is_lost_after_it_was_applied_is_retried_and_applied_once()
    {
        var id = Emulator.Close.AddCall("lead_1", madeInClose: false);
        Emulator.Close.Misbehaviour.FailNext(Fault.ResetAfterProcessing);

        var updated = await Close().UpdateAsync(id, new CloseUpdateCallRequest { OutcomeId = "outcome_x" });

        Assert.Equal("outcome_x", updated.OutcomeId);
        Assert.Equal(2, Emulator.Requests.Count(r => r.Method == "PUT"));
    }
}
