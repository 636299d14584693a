using CallLogClient.Calls;
using CallLogClient.Errors;
using CallLogClient.Testing;
using CallLogClient.Tests.Emulator;

namespace CallLogClient.Tests.Calls;

/// <summary>
/// <see cref="ICallLogWriter.LogCallOnceAsync"/> against the emulator with scripted faults: what it reports, what the
/// emulator holds afterwards, and what went on the wire.
/// </summary>
public sealed class ExactlyOnceTests : EmulatorTest
{
    private static readonly DateTimeOffset Start = new(2025, 6, 2, 14, 0, 0, TimeSpan.Zero);

    internal static CallRecord Record(CallLogProvider provider, int minute = 0, string? note = "Follow up", string to = "+15555550100") => new()
    {
        Direction = provider == CallLogProvider.Close ? CallDirection.Outbound : null,
        ToNumber = to,
        Start = Start.AddMinutes(minute),
        End = Start.AddMinutes(minute).AddSeconds(61),
        Outcome = provider == CallLogProvider.Close ? CallOutcome.NoAnswer : CallOutcome.Answered,
        Note = note,
        Links = provider == CallLogProvider.Close ? new CallLinks { CloseLeadId = "lead_1" } : new CallLinks(),
    };

    private IReadOnlyList<string> StoredIds(CallLogProvider provider) => provider == CallLogProvider.Pipedrive
        ? [.. Emulator.Pipedrive.CallLogs.Select(log => log.Id)]
        : [.. Emulator.Close.Calls.Select(call => call.Id)];

    private int Count(string method) => Emulator.Requests.Count(request => request.Method == method);

    [Theory]
    [InlineData(CallLogProvider.Pipedrive)]
    [InlineData(CallLogProvider.Close)]
    public async Task A_create_that_succeeds_is_created_with_no_lookup_and_the_key_recorded(CallLogProvider provider)
    {
        var result = await WriterFor(provider).LogCallOnceAsync(Record(provider), "call-0001");

        Assert.Equal(CallLogStatus.Created, result.Status);
        Assert.Equal(1, result.CreateAttempts);
        Assert.Equal(Assert.Single(StoredIds(provider)), result.Id);
        Assert.Contains("[call:call-0001]", Emulator.Requests.Single().BodyText, StringComparison.Ordinal);
        Assert.Equal(0, Count("GET"));
    }

    [Theory]
    [InlineData(CallLogProvider.Pipedrive, Fault.ResetAfterProcessing)]
    [InlineData(CallLogProvider.Pipedrive, Fault.InternalErrorAfterProcessing)]
    [InlineData(CallLogProvider.Close, Fault.ResetAfterProcessing)]
    [InlineData(CallLogProvider.Close, Fault.InternalErrorAfterProcessing)]
    public async Task A_create_processed_but_unanswered_is_found_by_the_lookup_and_not_created_again(CallLogProvider provider, Fault fault)
    {
        FaultsOf(provider).FailNext(fault);

        var result = await WriterFor(provider).LogCallOnceAsync(Record(provider), "call-0001");

        Assert.Equal(CallLogStatus.AlreadyExisted, result.Status);
        Assert.Equal(1, result.CreateAttempts);
        Assert.Equal(Assert.Single(StoredIds(provider)), result.Id);
        Assert.Equal(1, Count("POST"));
        Assert.Equal(1, Count("GET"));
    }

    [Theory]
    [InlineData(CallLogProvider.Pipedrive, Fault.ResetBeforeProcessing)]
    [InlineData(CallLogProvider.Pipedrive, Fault.ServiceUnavailable)]
    [InlineData(CallLogProvider.Close, Fault.ResetBeforeProcessing)]
    [InlineData(CallLogProvider.Close, Fault.ServiceUnavailable)]
    public async Task A_create_never_processed_is_looked_up_and_created_once_more(CallLogProvider provider, Fault fault)
    {
        FaultsOf(provider).FailNext(fault);

        var result = await WriterFor(provider).LogCallOnceAsync(Record(provider), "call-0001");

        Assert.Equal(CallLogStatus.CreatedAfterLookup, result.Status);
        Assert.Equal(2, result.CreateAttempts);
        Assert.Equal(Assert.Single(StoredIds(provider)), result.Id);
        Assert.Equal(["POST", "GET", "POST"], Emulator.Requests.Select(request => request.Method));
    }

    [Theory]
    [InlineData(CallLogProvider.Pipedrive)]
    [InlineData(CallLogProvider.Close)]
    public async Task Two_matches_cannot_be_told_apart_and_end_in_outcome_unknown_without_creating(CallLogProvider provider)
    {
        var writer = WriterFor(provider);
        await writer.LogCallAsync(Record(provider, note: "[call:call-0001]"));
        await writer.LogCallAsync(Record(provider, note: "[call:call-0001]"));
        FaultsOf(provider).FailNext(Fault.ResetAfterProcessing);

        var unknown = await Assert.ThrowsAsync<CallLogOutcomeUnknownException>(() => writer.LogCallOnceAsync(Record(provider), "call-0001"));

        Assert.Contains("found 3 call logs", unknown.Message, StringComparison.Ordinal);
        Assert.Equal(3, StoredIds(provider).Count);
        Assert.Equal(3, Count("POST"));
    }

    [Theory]
    [InlineData(CallLogProvider.Pipedrive)]
    [InlineData(CallLogProvider.Close)]
    public async Task A_failed_lookup_ends_in_outcome_unknown_and_the_next_write_of_the_key_looks_first(CallLogProvider provider)
    {
        var writer = WriterFor(provider);
        FaultsOf(provider).FailNext(Fault.ResetAfterProcessing);
        FaultsOf(provider).FailNext(Fault.ServiceUnavailable, count: 4); // the lookup's first attempt and its 3 retries

        var unknown = await Assert.ThrowsAsync<CallLogOutcomeUnknownException>(() => writer.LogCallOnceAsync(Record(provider), "call-0001"));
        var again = await writer.LogCallOnceAsync(Record(provider), "call-0001");

        Assert.IsType<CallLogServiceUnavailableException>(unknown.InnerException);
        Assert.Contains("the lookup failed", unknown.Message, StringComparison.Ordinal);
        Assert.Equal(CallLogStatus.AlreadyExisted, again.Status);
        Assert.Equal(0, again.CreateAttempts);
        Assert.Equal(Assert.Single(StoredIds(provider)), again.Id);
        Assert.Equal(1, Count("POST"));
    }

    [Theory]
    [InlineData(CallLogProvider.Pipedrive)]
    [InlineData(CallLogProvider.Close)]
    public async Task A_lookup_before_any_create_that_fails_throws_the_reads_own_exception_and_creates_nothing(CallLogProvider provider)
    {
        var writer = WriterFor(provider, new CallLogWriterOptions { LookUpBeforeCreate = true });
        FaultsOf(provider).FailNext(Fault.ServiceUnavailable, count: 4); // the lookup's first attempt and its 3 retries

        await Assert.ThrowsAsync<CallLogServiceUnavailableException>(() => writer.LogCallOnceAsync(Record(provider), "call-0001"));
        var next = await writer.LogCallOnceAsync(Record(provider), "call-0001");

        Assert.Equal(["GET", "GET", "GET", "GET", "GET", "POST"], Emulator.Requests.Select(request => request.Method)); // 4 failed reads, then the next write's
        Assert.Equal(CallLogStatus.CreatedAfterLookup, next.Status); // nothing was sent, so nothing is unsettled
    }

    [Fact]
    public async Task A_pipedrive_lookup_before_any_create_that_would_read_past_the_limit_refuses_without_creating()
    {
        var writer = WriterFor(CallLogProvider.Pipedrive, new CallLogWriterOptions { LookUpBeforeCreate = true, PipedriveLookupLimit = 2 });
        for (var minute = 1; minute <= 3; minute++)
        {
            await WriterFor(CallLogProvider.Pipedrive).LogCallAsync(Record(CallLogProvider.Pipedrive, minute));
        }

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => writer.LogCallOnceAsync(Record(CallLogProvider.Pipedrive), "call-0001"));

        Assert.Equal(
            "The call could not be looked up: the user has more than 2 call logs to search (PipedriveLookupLimit)", refused.Message);
        Assert.Equal(3, Count("POST"));
    }

    [Theory]
    [InlineData(CallLogProvider.Pipedrive)]
    [InlineData(CallLogProvider.Close)]
    public async Task After_its_last_create_attempt_the_writer_gives_up_and_a_later_call_settles_the_key(CallLogProvider provider)
    {
        var writer = WriterFor(provider, new CallLogWriterOptions { MaxCreateAttempts = 2 });
        FaultsOf(provider).FailRequest(1, Fault.ResetBeforeProcessing);
        FaultsOf(provider).FailRequest(3, Fault.ResetBeforeProcessing);

        await Assert.ThrowsAsync<CallLogOutcomeUnknownException>(() => writer.LogCallOnceAsync(Record(provider), "call-0001"));
        var stored = StoredIds(provider).Count;
        var later = await writer.LogCallOnceAsync(Record(provider), "call-0001");

        Assert.Equal(0, stored);
        Assert.Equal(["POST", "GET", "POST", "GET", "GET", "POST"], Emulator.Requests.Select(request => request.Method));
        Assert.Equal(CallLogStatus.CreatedAfterLookup, later.Status);
        Assert.Equal(Assert.Single(StoredIds(provider)), later.Id);
    }

    [Theory]
    [InlineData(CallLogProvider.Pipedrive)]
    [InlineData(CallLogProvider.Close)]
    public async Task Looking_up_before_create_finds_a_call_a_previous_process_logged(CallLogProvider provider)
    {
        var first = await WriterFor(provider).LogCallOnceAsync(Record(provider), "call-0001");

        var replay = await WriterFor(provider, new CallLogWriterOptions { LookUpBeforeCreate = true }).LogCallOnceAsync(Record(provider), "call-0001");

        Assert.Equal(CallLogStatus.AlreadyExisted, replay.Status);
        Assert.Equal(0, replay.CreateAttempts);
        Assert.Equal(first.Id, replay.Id);
        Assert.Equal(1, Count("POST"));
    }

    [Theory]
    [InlineData(CallLogProvider.Pipedrive)]
    [InlineData(CallLogProvider.Close)]
    public async Task Only_a_call_with_the_same_number_start_and_key_matches(CallLogProvider provider)
    {
        var writer = WriterFor(provider);
        await writer.LogCallOnceAsync(Record(provider, minute: 1), "call-0001");
        await writer.LogCallOnceAsync(Record(provider, to: "+15555550199"), "call-0001");
        await writer.LogCallOnceAsync(Record(provider), "call-00011");
        FaultsOf(provider).FailNext(Fault.ResetBeforeProcessing);

        var result = await writer.LogCallOnceAsync(Record(provider), "call-0001");

        Assert.Equal(CallLogStatus.CreatedAfterLookup, result.Status);
        Assert.Equal(4, StoredIds(provider).Count);
    }

    [Fact]
    public async Task Pipedrive_can_record_the_key_in_the_subject()
    {
        var writer = WriterFor(CallLogProvider.Pipedrive, new CallLogWriterOptions { CallKeyPlacement = CallKeyPlacement.Subject });
        FaultsOf(CallLogProvider.Pipedrive).FailNext(Fault.ResetAfterProcessing);

        var result = await writer.LogCallOnceAsync(Record(CallLogProvider.Pipedrive), "call-0001");

        var stored = Assert.Single(Emulator.Pipedrive.CallLogs);
        Assert.Equal(CallLogStatus.AlreadyExisted, result.Status);
        Assert.Equal("[call:call-0001]", stored.Data.GetProperty("subject").GetString());
        Assert.Equal("Follow up", stored.Data.GetProperty("note").GetString());
    }

    [Fact]
    public async Task Close_records_the_key_in_the_note_when_the_subject_is_asked_for_and_says_so()
    {
        var writer = WriterFor(CallLogProvider.Close, new CallLogWriterOptions { CallKeyPlacement = CallKeyPlacement.Subject });

        var result = await writer.LogCallOnceAsync(Record(CallLogProvider.Close), "call-0001");

        Assert.Equal("Follow up\n[call:call-0001]", Assert.Single(Emulator.Close.Calls).Data.GetProperty("note").GetString());
        Assert.Equal("CallKeyPlacement", Assert.Single(result.NotStored).Field);
    }

    [Fact]
    public async Task Close_looks_in_the_lead_calls_of_a_narrow_date_created_window()
    {
        var writer = WriterFor(CallLogProvider.Close, new CallLogWriterOptions { CloseLookupClockSkew = TimeSpan.FromSeconds(30) });
        FaultsOf(CallLogProvider.Close).FailNext(Fault.ResetAfterProcessing);

        await writer.LogCallOnceAsync(Record(CallLogProvider.Close), "call-0001");

        var lookup = Emulator.Requests.Single(request => request.Method == "GET");
        var query = System.Web.HttpUtility.ParseQueryString(lookup.Query);
        Assert.Equal("/api/v1/activity/call/", lookup.Path);
        Assert.Equal("lead_1", query["lead_id"]);
        Assert.Equal(Start.AddSeconds(-30), DateTimeOffset.Parse(query["date_created__gte"]!, System.Globalization.CultureInfo.InvariantCulture));
        var upper = DateTimeOffset.Parse(query["date_created__lt"]!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(upper - DateTimeOffset.UtcNow, TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(31));
    }

    [Fact]
    public async Task Close_needs_the_lead_for_its_lookup()
    {
        var record = Record(CallLogProvider.Close);

        var refused = await Assert.ThrowsAsync<ArgumentException>(() => WriterFor(CallLogProvider.Close).LogCallOnceAsync(
            new CallRecord { ToNumber = record.ToNumber, Start = record.Start, End = record.End }, "call-0001"));

        Assert.Equal("record.Links.CloseLeadId", refused.ParamName);
        Assert.Empty(Emulator.Requests);
    }

    [Theory]
    [InlineData(CallLogProvider.Pipedrive)]
    [InlineData(CallLogProvider.Close)]
    public async Task Two_matches_found_before_any_create_are_refused_without_creating(CallLogProvider provider)
    {
        var writer = WriterFor(provider, new CallLogWriterOptions { LookUpBeforeCreate = true });
        await writer.LogCallAsync(Record(provider, note: "[call:call-0001]"));
        await writer.LogCallAsync(Record(provider, note: "[call:call-0001]"));

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => writer.LogCallOnceAsync(Record(provider), "call-0001"));

        Assert.Contains("found 2 call logs", refused.Message, StringComparison.Ordinal);
        Assert.Equal(2, Count("POST"));
    }

    [Theory]
    [InlineData(CallLogProvider.Pipedrive)]
    [InlineData(CallLogProvider.Close)]
    public async Task A_create_cancelled_after_it_left_makes_the_next_write_of_the_key_look_first(CallLogProvider provider)
    {
        var writer = WriterFor(provider);
        await CancelOnceTheCreateLeftAsync(writer, provider);
        var again = await writer.LogCallOnceAsync(Record(provider), "call-0001");

        Assert.Equal(CallLogStatus.CreatedAfterLookup, again.Status);
        Assert.Equal(["POST", "GET", "POST"], Emulator.Requests.Select(request => request.Method));
        Assert.Equal(Assert.Single(StoredIds(provider)), again.Id);
    }

    [Theory]
    [InlineData(CallLogProvider.Pipedrive, "/callLogs")]
    [InlineData(CallLogProvider.Close, "/activity/call/")]
    public async Task After_a_cancelled_create_a_failed_lookup_says_the_create_may_exist(CallLogProvider provider, string createPath)
    {
        var writer = WriterFor(provider);
        await CancelOnceTheCreateLeftAsync(writer, provider);
        FaultsOf(provider).FailNext(Fault.ServiceUnavailable, count: 4); // the lookup's first attempt and its 3 retries

        var unknown = await Assert.ThrowsAsync<CallLogOutcomeUnknownException>(() => writer.LogCallOnceAsync(Record(provider), "call-0001"));

        Assert.Equal("POST", unknown.Details.Method);
        Assert.Equal(createPath, unknown.Details.RequestPath);
        Assert.StartsWith(
            "the create was cancelled after it may have been sent; then the lookup failed (", unknown.Details.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(1, Count("POST"));
    }

    /// <summary>Writes call-0001 and cancels it once its create has reached the emulator (which holds it 30 s), then ends the delay.</summary>
    private async Task CancelOnceTheCreateLeftAsync(CallLogWriter writer, CallLogProvider provider)
    {
        FaultsOf(provider).Latency = TimeSpan.FromSeconds(30);
        using var cancel = new CancellationTokenSource();
        var write = writer.LogCallOnceAsync(Record(provider), "call-0001", cancel.Token);
        for (var polls = 0; Count("POST") == 0; polls++)
        {
            Assert.True(polls < 10_000, "The create never reached the emulator.");
            await Task.Delay(1);
        }

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => write);
        FaultsOf(provider).Latency = TimeSpan.Zero;
    }
}
