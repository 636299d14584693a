using System.Text.Json;
using CallLogClient.Pipedrive;
using CallLogClient.Pipedrive.Models;

namespace CallLogClient.Tests.Pipedrive;

public sealed class PipedriveModelTests
{
    private static PipedriveResponse<T> ReadEnvelope<T>(string fileName, System.Text.Json.Serialization.Metadata.JsonTypeInfo<PipedriveResponse<T>> type) =>
        JsonSerializer.Deserialize(PipedriveFixtures.Read(fileName), type)!;

    [Theory]
    [InlineData("get-response.json")]
    [InlineData("create-response.json")]
    public void The_single_call_log_examples_read_field_by_field(string fileName)
    {
        var envelope = ReadEnvelope(fileName, PipedriveJsonContext.Default.PipedriveResponsePipedriveCallLog);

        Assert.True(envelope.Success);
        var log = envelope.Data!;
        Assert.Equal("CAd92b224eb4a39b5ad8fea92ff0e", log.Id);
        Assert.Equal(7007, log.ActivityId);
        Assert.Equal(333222111, log.PersonId);
        Assert.Equal(123456789, log.OrgId);
        Assert.Equal(553229734, log.DealId);
        Assert.Equal("Just call me maybe", log.Subject);
        Assert.Equal(TimeSpan.Zero, log.Duration);
        Assert.Equal(PipedriveCallOutcome.Busy, log.Outcome);
        Assert.Equal("+37277774841", log.FromPhoneNumber);
        Assert.Equal("+37249234343", log.ToPhoneNumber);
        Assert.False(log.HasRecording);
        Assert.Equal(new DateTimeOffset(2022, 12, 12, 1, 1, 1, TimeSpan.Zero), log.StartTime);
        Assert.Equal(new DateTimeOffset(2022, 12, 12, 1, 2, 1, TimeSpan.Zero), log.EndTime);
        Assert.Equal(777707777, log.UserId);
        Assert.Equal(66660666, log.CompanyId);
        Assert.Equal("A note for the call log", log.Note);
        Assert.Null(log.LeadId);
        Assert.Null(log.AdditionalProperties); // every field of the example is typed
    }

    [Fact]
    public void The_list_example_reads_both_items_and_the_pagination()
    {
        var envelope = ReadEnvelope("list-response.json", PipedriveJsonContext.Default.PipedriveResponseListPipedriveCallLog);

        Assert.Equal(2, envelope.Data!.Count);
        var second = envelope.Data[1];
        Assert.Equal("CAd92b224eb4a39b11a8fea92ff0e", second.Id);
        Assert.Equal(PipedriveCallOutcome.NoAnswer, second.Outcome);
        Assert.True(second.HasRecording);
        Assert.Null(second.OrgId); // absent in the example
        Assert.Null(second.DealId);
        Assert.Null(second.Subject);
        Assert.Null(second.FromPhoneNumber);
        Assert.Equal("+3728439832", second.ToPhoneNumber);
        Assert.Equal(66666666, second.CompanyId);

        var pagination = envelope.AdditionalData!.Pagination!;
        Assert.Equal(0, pagination.Start);
        Assert.Equal(50, pagination.Limit);
        Assert.False(pagination.MoreItemsInCollection);
        Assert.Equal(1, pagination.NextStart);
    }

    [Theory]
    [InlineData("recording-response.json")]
    [InlineData("delete-response.json")]
    public void The_bare_success_examples_read(string fileName)
    {
        var envelope = ReadEnvelope(fileName, PipedriveJsonContext.Default.PipedriveResponseJsonElement);

        Assert.True(envelope.Success);
    }

    [Fact]
    public void The_create_request_example_reads_with_its_numeric_duration_and_space_dates()
    {
        var log = PipedriveJson.ReadCallLog(PipedriveFixtures.Read("create-request.json"));

        Assert.Equal(TimeSpan.FromSeconds(60), log.Duration);
        Assert.Equal(new DateTimeOffset(2021, 1, 30, 22, 30, 0, TimeSpan.Zero), log.StartTime);
        Assert.Equal(new DateTimeOffset(2021, 1, 30, 22, 31, 0, TimeSpan.Zero), log.EndTime);
        Assert.Equal(PipedriveCallOutcome.Connected, log.Outcome);
        Assert.Equal("", log.Id); // a request carries no id
    }

    [Fact]
    public void Every_field_may_be_null()
    {
        const string json = """
            {"id":"x","user_id":null,"activity_id":null,"subject":null,"duration":null,"outcome":null,
             "from_phone_number":null,"to_phone_number":null,"start_time":null,"end_time":null,"person_id":null,
             "org_id":null,"deal_id":null,"lead_id":null,"note":null,"has_recording":null,"company_id":null}
            """;

        var log = PipedriveJson.ReadCallLog(json);

        Assert.Equal("x", log.Id);
        Assert.Null(log.UserId);
        Assert.Null(log.Outcome);
        Assert.Null(log.StartTime);
        Assert.Null(log.HasRecording);
        Assert.Null(log.CompanyId);
    }

    [Fact]
    public void Every_field_may_be_absent()
    {
        var log = PipedriveJson.ReadCallLog("{}");

        Assert.Equal("", log.Id);
        Assert.Null(log.HasRecording);
        Assert.Null(log.Duration);
        Assert.Null(log.AdditionalProperties);
    }

    [Fact]
    public void Ids_sent_as_strings_read_as_numbers()
    {
        var log = PipedriveJson.ReadCallLog("""{"user_id":"777707777","deal_id":"5","company_id":"66660666"}""");

        Assert.Equal(777707777, log.UserId);
        Assert.Equal(5, log.DealId);
        Assert.Equal(66660666, log.CompanyId);
    }

    [Fact]
    public void Ids_beyond_int32_fit()
    {
        var log = PipedriveJson.ReadCallLog("""{"user_id":9007199254740993,"person_id":3000000000}""");

        Assert.Equal(9007199254740993, log.UserId);
        Assert.Equal(3000000000, log.PersonId);
    }

    [Fact]
    public void A_lead_id_reads_as_its_UUID_text()
    {
        var log = PipedriveJson.ReadCallLog("""{"lead_id":"adf21080-0e10-11eb-879b-05d71fb426ec"}""");

        Assert.Equal("adf21080-0e10-11eb-879b-05d71fb426ec", log.LeadId);
    }

    [Fact]
    public void Unknown_properties_and_custom_fields_are_kept()
    {
        const string json = """
            {"id":"x","recording_url":"https://example.test/r.mp3","custom":{"cf_3f1a":"Gold"},"cf_7a2b":42,"flags":[1,2]}
            """;

        var log = PipedriveJson.ReadCallLog(json);

        var extra = log.AdditionalProperties!;
        Assert.Equal(["cf_7a2b", "custom", "flags", "recording_url"], extra.Keys.Order());
        Assert.Equal("https://example.test/r.mp3", extra["recording_url"].GetString());
        Assert.Equal("Gold", extra["custom"].GetProperty("cf_3f1a").GetString());
        Assert.Equal(42, extra["cf_7a2b"].GetInt32());
        Assert.Equal(2, extra["flags"].GetArrayLength());
    }

    [Fact]
    public void A_list_whose_data_is_null_reads_as_an_empty_page()
    {
        var envelope = JsonSerializer.Deserialize(
            """{"success":true,"data":null,"additional_data":{"pagination":{"start":0,"limit":50,"more_items_in_collection":false}}}""",
            PipedriveJsonContext.Default.PipedriveResponseListPipedriveCallLog)!;

        Assert.Null(envelope.Data);
        Assert.Null(envelope.AdditionalData!.Pagination!.NextStart);
    }

    [Theory]
    [InlineData(true, 100, 0, 2, 100)] // next_start named: taken as is
    [InlineData(true, null, 40, 2, 42)] // not named: start + items on the page
    [InlineData(false, 2, 0, 2, null)] // the example's next_start with more_items_in_collection false: last page
    [InlineData(true, 2, 0, 0, null)] // an empty page ends the listing
    public void A_page_knows_where_the_next_one_starts(bool more, int? nextStart, int start, int items, int? expected)
    {
        var page = new PipedriveCallLogPage(
            Enumerable.Range(0, items).Select(i => new PipedriveCallLog { Id = $"c{i}" }).ToList(),
            new PipedrivePagination { Start = start, Limit = 50, MoreItemsInCollection = more, NextStart = nextStart });

        Assert.Equal(expected, page.NextStart);
    }
}
