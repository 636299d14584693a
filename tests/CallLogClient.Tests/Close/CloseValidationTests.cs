using System.Text.Json.Nodes;
using CallLogClient.Close;
using CallLogClient.Close.Models;
using CallLogClient.Tests.WireMock;
using WireMock.RequestBuilders;
using static CallLogClient.Tests.WireMock.Answers;

namespace CallLogClient.Tests.Close;

/// <summary>Bad input is an <see cref="ArgumentException"/> naming the field, and nothing reaches the server.</summary>
[Collection(WireMockCollection.Name)]
public sealed class CloseValidationTests(WireMockFixture wireMock) : IAsyncLifetime, IDisposable
{
    private static readonly Dictionary<string, Func<ICloseCallActivitiesClient, Task>> Cases = new()
    {
        ["create: no request"] = c => c.CreateAsync(null!),
        ["create: nothing ties it to a lead"] = c => c.CreateAsync(new() { UserId = "user_1" }),
        ["create: blank lead"] = c => c.CreateAsync(new() { LeadId = " " }),
        ["create: blank outcome"] = c => c.CreateAsync(new() { LeadId = "lead_1", OutcomeId = "" }),
        ["create: national phone"] = c => c.CreateAsync(new() { LeadId = "lead_1", Phone = "6505551234" }),
        ["create: phone with spaces"] = c => c.CreateAsync(new() { LeadId = "lead_1", Phone = "+1 650 555 1234" }),
        ["create: phone with leading zero"] = c => c.CreateAsync(new() { LeadId = "lead_1", Phone = "+0650555" }),
        ["create: negative duration"] = c => c.CreateAsync(new() { LeadId = "lead_1", Duration = TimeSpan.FromSeconds(-1) }),
        ["create: duration over a week"] = c => c.CreateAsync(new() { LeadId = "lead_1", Duration = TimeSpan.FromSeconds(604_801) }),
        ["create: fractional duration"] = c => c.CreateAsync(new() { LeadId = "lead_1", Duration = TimeSpan.FromSeconds(1.5) }),
        ["create: http recording"] = c => c.CreateAsync(new() { LeadId = "lead_1", RecordingUrl = new Uri("http://example.com/r.mp3") }),
        ["create: relative recording"] = c => c.CreateAsync(new() { LeadId = "lead_1", RecordingUrl = new Uri("some-recording-url.com", UriKind.Relative) }),
        ["create: ftp voicemail"] = c => c.CreateAsync(new() { LeadId = "lead_1", VoicemailUrl = new Uri("ftp://example.com/v.mp3") }),
        ["create: both notes"] = c => c.CreateAsync(new() { LeadId = "lead_1", Note = "a", NoteHtml = "<body>a</body>" }),
        ["create: default status"] = c => c.CreateAsync(new() { LeadId = "lead_1", Status = default }),
        ["create: default direction"] = c => c.CreateAsync(new() { LeadId = "lead_1", Direction = default(CloseCallDirection) }),
        ["create: custom field without cf_"] = c => c.CreateAsync(new() { LeadId = "lead_1", CustomFields = new Dictionary<string, JsonNode?> { ["topic"] = "x" } }),
        ["create: custom field twice"] = c => c.CreateAsync(new()
        {
            LeadId = "lead_1",
            CustomFields = new Dictionary<string, JsonNode?> { ["cf_a"] = "x", ["custom.cf_a"] = "y" },
        }),
        ["update: blank id"] = c => c.UpdateAsync(" ", new() { Note = "x" }),
        ["update: no request"] = c => c.UpdateAsync("acti_1", null!),
        ["update: nothing to change"] = c => c.UpdateAsync("acti_1", new()),
        ["update: set and cleared"] = c => c.UpdateAsync("acti_1", new() { OutcomeId = "outcome_1", Clear = CloseClearableFields.OutcomeId }),
        ["update: unknown clear flag"] = c => c.UpdateAsync("acti_1", new() { Clear = (CloseClearableFields)(1 << 20) }),
        ["update: bad phone"] = c => c.UpdateAsync("acti_1", new() { Phone = "+1-650-555-1234" }),
        ["update: http recording"] = c => c.UpdateAsync("acti_1", new() { RecordingUrl = new Uri("http://example.com/r.mp3") }),
        ["update: both notes"] = c => c.UpdateAsync("acti_1", new() { Note = "a", NoteHtml = "<body>a</body>" }),
        ["update: default status"] = c => c.UpdateAsync("acti_1", new() { Status = default(CloseCallStatus) }),
        ["get: empty id"] = c => c.GetAsync(""),
        ["get: empty field list"] = c => c.GetAsync("acti_1", []),
        ["get: field with comma"] = c => c.GetAsync("acti_1", ["id,note"]),
        ["delete: null id"] = c => c.DeleteAsync(null!),
        ["delete: dot-dot id"] = c => c.DeleteAsync(".."),
        ["update: dot id"] = c => c.UpdateAsync(".", new() { Note = "x" }),
        ["list: negative skip"] = c => c.ListPageAsync(skip: -1),
        ["list: skip past the cap"] = c => c.ListPageAsync(skip: 250_001),
        ["list: zero limit"] = c => c.ListPageAsync(limit: 0),
        ["list: limit over 100"] = c => c.ListPageAsync(limit: 101),
        ["list: empty lead list"] = c => c.ListPageAsync(new() { LeadIds = [] }),
        ["list: id with comma"] = c => c.ListPageAsync(new() { Ids = ["acti_1,acti_2"] }),
        ["list: blank user"] = c => c.ListPageAsync(new() { UserIds = ["user_1", " "] }),
        ["list: blank organization"] = c => c.ListPageAsync(new() { OrganizationId = "" }),
        ["list: two lower bounds"] = c => c.ListPageAsync(new()
        {
            DateCreated = new() { GreaterThan = new DateOnly(2024, 1, 1), GreaterThanOrEqual = new DateOnly(2024, 1, 2) },
        }),
        ["list: two upper bounds"] = c => c.ListPageAsync(new()
        {
            ActivityAt = new() { LessThan = new DateOnly(2024, 1, 1), LessThanOrEqual = new DateOnly(2024, 1, 2) },
        }),
        ["list: empty range"] = c => c.ListPageAsync(new() { DateCreated = new() }),
        ["list: default bound"] = c => c.ListPageAsync(new() { ActivityAt = new() { LessThan = default(CloseDateValue) } }),
        ["list all: zero page size"] = c => Task.FromResult(c.ListAllAsync(pageSize: 0)),
        ["list all: bad query"] = c => Task.FromResult(c.ListAllAsync(new() { ContactIds = [] })),
        ["date windows: page size over 100"] = c => Task.FromResult(c.ListAllByDateWindowsAsync(pageSize: 101)),
        ["date windows: bad query"] = c => Task.FromResult(c.ListAllByDateWindowsAsync(new() { Fields = [""] })),
    };

    private static readonly Dictionary<string, string> ExpectedParameter = new()
    {
        ["create: no request"] = "request",
        ["create: nothing ties it to a lead"] = "request.LeadId",
        ["create: blank lead"] = "request.LeadId",
        ["create: blank outcome"] = "request.OutcomeId",
        ["create: national phone"] = "request.Phone",
        ["create: phone with spaces"] = "request.Phone",
        ["create: phone with leading zero"] = "request.Phone",
        ["create: negative duration"] = "request.Duration",
        ["create: duration over a week"] = "request.Duration",
        ["create: fractional duration"] = "request.Duration",
        ["create: http recording"] = "request.RecordingUrl",
        ["create: relative recording"] = "request.RecordingUrl",
        ["create: ftp voicemail"] = "request.VoicemailUrl",
        ["create: both notes"] = "request.NoteHtml",
        ["create: default status"] = "request.Status",
        ["create: default direction"] = "request.Direction",
        ["create: custom field without cf_"] = "request.CustomFields",
        ["create: custom field twice"] = "request.CustomFields",
        ["update: blank id"] = "id",
        ["update: no request"] = "request",
        ["update: nothing to change"] = "request",
        ["update: set and cleared"] = "request.Clear",
        ["update: unknown clear flag"] = "request.Clear",
        ["update: bad phone"] = "request.Phone",
        ["update: http recording"] = "request.RecordingUrl",
        ["update: both notes"] = "request.NoteHtml",
        ["update: default status"] = "request.Status",
        ["get: empty id"] = "id",
        ["get: empty field list"] = "fields",
        ["get: field with comma"] = "fields",
        ["delete: null id"] = "id",
        ["delete: dot-dot id"] = "id",
        ["update: dot id"] = "id",
        ["list: negative skip"] = "skip",
        ["list: skip past the cap"] = "skip",
        ["list: zero limit"] = "limit",
        ["list: limit over 100"] = "limit",
        ["list: empty lead list"] = "query.LeadIds",
        ["list: id with comma"] = "query.Ids",
        ["list: blank user"] = "query.UserIds",
        ["list: blank organization"] = "query.OrganizationId",
        ["list: two lower bounds"] = "query.DateCreated",
        ["list: two upper bounds"] = "query.ActivityAt",
        ["list: empty range"] = "query.DateCreated",
        ["list: default bound"] = "query.ActivityAt",
        ["list all: zero page size"] = "pageSize",
        ["list all: bad query"] = "query.ContactIds",
        ["date windows: page size over 100"] = "pageSize",
        ["date windows: bad query"] = "query.Fields",
    };

    private readonly CloseCallActivitiesClient client = CloseTestClient.Create(wireMock);

    public static TheoryData<string> CaseNames => new(Cases.Keys);

    public async Task InitializeAsync()
    {
        wireMock.Reset();
        wireMock.Server.Given(Request.Create().UsingAnyMethod()).RespondWith(Json(body: """{"id":"acti_1","data":[],"has_more":false}"""));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => client.Dispose();

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task Bad_input_names_the_field_and_sends_nothing(string caseName)
    {
        var exception = await Assert.ThrowsAnyAsync<ArgumentException>(() => Cases[caseName](client));

        Assert.Equal(ExpectedParameter[caseName], exception.ParamName);
        Assert.Empty(wireMock.Server.Requests());
    }

    [Fact]
    public async Task A_rejected_phone_number_is_not_repeated_in_the_message()
    {
        var exception = await Assert.ThrowsAsync<ArgumentException>(() => client.CreateAsync(new() { LeadId = "lead_1", Phone = "6505559876" }));

        Assert.DoesNotContain("9876", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_case_names_its_expected_parameter()
    {
        Assert.Equal(Cases.Keys.Order(StringComparer.Ordinal), ExpectedParameter.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_catch_all_stub_answers_so_an_unvalidated_call_would_reach_the_journal()
    {
        await client.GetAsync("acti_1");

        Assert.Single(wireMock.Server.Requests());
    }
}
