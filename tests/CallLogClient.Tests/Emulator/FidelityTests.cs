using System.Globalization;
using CallLogClient.Close;
using CallLogClient.Close.Models;
using CallLogClient.Errors;
using CallLogClient.Pipedrive;
using CallLogClient.Pipedrive.Models;
using CallLogClient.Testing;
using CallLogClient.Tests.Close;
using CallLogClient.Tests.Pipedrive;
using CallLogClient.Tests.WireMock;
using WireMock.RequestBuilders;
using static CallLogClient.Tests.WireMock.Answers;

namespace CallLogClient.Tests.Emulator;

/// <summary>
/// One list of client calls, run against WireMock.Net serving the providers' reference bodies and against the emulator
/// in the state that makes the real API answer the same: the caller must see the same result from both.
/// </summary>
[Collection(WireMockCollection.Name)]
public sealed class FidelityTests(WireMockFixture wireMock) : EmulatorTest
{
    private const string MissingId = "CAmissing";
    private const string CloseMissingId = "acti_missing";

    /// <summary>A call: how WireMock.Net answers it, how the emulator is set up for it, and the call itself.</summary>
    private sealed record ContractCall(
        Action<WireMockFixture> StubWireMock,
        Func<CallLogEmulator, Task<string>> PrepareEmulator,
        Func<IPipedriveCallLogsClient, ICloseCallActivitiesClient, string, Task<string>> Call);

    private static readonly (PipedriveCallOutcome Outcome, string To, DateTimeOffset Start, DateTimeOffset End)[] ThreePages =
    [
        (PipedriveCallOutcome.Connected, "+3725550101", At(1, 10, 0, 0), At(1, 10, 1, 1)),
        (PipedriveCallOutcome.Busy, "+3725550102", At(1, 11, 0, 0), At(1, 11, 0, 0)),
        (PipedriveCallOutcome.NoAnswer, "+3725550103", At(2, 9, 0, 0), At(2, 9, 0, 5)),
        (PipedriveCallOutcome.LeftVoicemail, "+3725550104", At(2, 12, 0, 0), At(2, 12, 0, 30)),
        (PipedriveCallOutcome.WrongNumber, "+3725550105", At(3, 8, 0, 0), At(3, 8, 0, 10)),
    ];

    private static readonly Dictionary<string, ContractCall> Calls = new()
    {
        ["pipedrive get of a missing call log"] = new(
            w => w.Server.Given(Request.Create().UsingGet().WithPath($"/v1/callLogs/{MissingId}"))
                .RespondWith(Json(404, PipedriveFixtures.Read("error-404-not-found.json"))),
            _ => Task.FromResult(MissingId),
            async (pipedrive, _, id) => Describe((await pipedrive.GetAsync(id)).Id)),
        ["pipedrive second recording of a call log"] = new(
            w => w.Server.Given(Request.Create().UsingPost().WithPath("/v1/callLogs/CA1/recordings"))
                .RespondWith(Json(409, PipedriveFixtures.Read("error-409-recording-conflict.json"))),
            async emulator =>
            {
                var id = (await PipedriveAt(emulator).CreateAsync(PipedriveCall())).Id;
                await PipedriveAt(emulator).AddRecordingAsync(id, new MemoryStream([1]), "first.wav", "audio/wav");
                return id;
            },
            async (pipedrive, _, id) =>
            {
                await pipedrive.AddRecordingAsync(id, new MemoryStream([2]), "second.wav", "audio/wav");
                return "ok";
            }),
        ["pipedrive delete"] = new(
            w => w.Server.Given(Request.Create().UsingDelete().WithPath("/v1/callLogs/CA1"))
                .RespondWith(Json(200, PipedriveFixtures.Read("delete-response.json"))),
            async emulator => (await PipedriveAt(emulator).CreateAsync(PipedriveCall())).Id,
            async (pipedrive, _, id) =>
            {
                await pipedrive.DeleteAsync(id);
                return "ok";
            }),
        ["pipedrive pages of two"] = new(
            w => w.AddMappingFile("pipedrive/list-three-pages.json"),
            async emulator =>
            {
                foreach (var (outcome, to, start, end) in ThreePages)
                {
                    await PipedriveAt(emulator).CreateAsync(PipedriveCall(outcome, to, start, end));
                }

                return "";
            },
            async (pipedrive, _, _) =>
            {
                var items = new List<string>();
                await foreach (var log in pipedrive.ListAllAsync(pageSize: 2))
                {
                    items.Add(string.Create(CultureInfo.InvariantCulture, $"{log.Outcome} {log.ToPhoneNumber} {log.StartTime:u} {log.EndTime:u}"));
                }

                return string.Join(" | ", items);
            }),
        ["close create of the reference request"] = new(
            w => w.Server.Given(Request.Create().UsingPost().WithPath("/api/v1/activity/call/"))
                .RespondWith(Json(200, CloseFixtures.Read("create-response.json"))),
            _ => Task.FromResult(""),
            async (_, close, _) =>
            {
                var call = await close.CreateAsync(new CloseCreateCallRequest
                {
                    LeadId = "lead_fioU1Nk5LC0H0iei9XBGHW2CFZU0yeP2zZCJQP9pC4m",
                    Direction = CloseCallDirection.Outbound,
                    Duration = TimeSpan.FromSeconds(153),
                    Phone = "+16505551234",
                    NoteHtml = "<body><p>call notes go here</p></body>",
                });
                return string.Create(CultureInfo.InvariantCulture,
                    $"{call.Status} {call.Direction} {call.Source} {call.CallMethod} {call.Cost} {call.Duration} {call.Phone} {call.Note} {call.NoteHtml} {call.LeadId} {call.RecordingUrl}");
            }),
        ["close skip past the cap"] = new(
            w => w.Server.Given(Request.Create().UsingGet().WithPath("/api/v1/activity/call/"))
                .RespondWith(Json(400, """{"error":"The skip you set is larger than the maximum skip for this resource (max_skip = 20).\nPlease refine your search query."}""")),
            emulator =>
            {
                emulator.Close.MaxSkip = 20;
                return Task.FromResult("");
            },
            async (_, close, _) => Describe((await close.ListPageAsync(skip: 30, limit: 10)).Items.Count)),
        ["close delete"] = new(
            w => w.Server.Given(Request.Create().UsingDelete().WithPath("/api/v1/activity/call/acti_1/")).RespondWith(Json(200, "{}")),
            emulator => Task.FromResult(emulator.Close.AddCall("lead_1", madeInClose: false)),
            async (_, close, id) =>
            {
                await close.DeleteAsync(id);
                return "ok";
            }),
        ["close get with a wrong key"] = new(
            w => w.Server.Given(Request.Create().UsingGet().WithPath($"/api/v1/activity/call/{CloseMissingId}/"))
                .RespondWith(Json(401, CloseFixtures.Read("error-401.json"))),
            _ => Task.FromResult(CloseMissingId),
            async (_, close, id) => Describe((await close.GetAsync(id)).Id)),
    };

    public static TheoryData<string> Names => [.. Calls.Keys];

    [Theory]
    [MemberData(nameof(Names))]
    public async Task The_emulator_answers_the_client_as_the_reference_bodies_do(string name)
    {
        var call = Calls[name];
        wireMock.Reset();
        call.StubWireMock(wireMock);
        var wireMockResult = await OutcomeOf(() => call.Call(
            Pipedrive(o => o.BaseAddress = new Uri(wireMock.BaseUri, "v1/")), Close(o => o.BaseAddress = new Uri(wireMock.BaseUri, "api/v1/")),
            WireMockIdFor(name)));

        var id = await call.PrepareEmulator(Emulator);
        var wrongKey = name.Contains("wrong key", StringComparison.Ordinal);
        var emulatorResult = await OutcomeOf(() => call.Call(
            Pipedrive(), Close(o => o.Credential = wrongKey ? CloseCredential.FromApiKey("api_wrong") : o.Credential), id));

        Assert.Equal(wireMockResult, emulatorResult);
        Assert.DoesNotContain("No matching mapping", wireMockResult, StringComparison.OrdinalIgnoreCase);
    }

    private static string WireMockIdFor(string name) => name switch
    {
        _ when name.Contains("missing", StringComparison.Ordinal) => MissingId,
        _ when name.Contains("wrong key", StringComparison.Ordinal) => CloseMissingId,
        _ when name.StartsWith("close", StringComparison.Ordinal) => "acti_1",
        _ => "CA1",
    };

    private static async Task<string> OutcomeOf(Func<Task<string>> call)
    {
        try
        {
            return await call();
        }
        catch (CallLogApiException failure)
        {
            return $"{failure.GetType().Name} {(int?)failure.StatusCode} {failure.ErrorMessage}";
        }
    }

    private static string Describe(object value) => $"ok {value}";

    private static DateTimeOffset At(int day, int hour, int minute, int second) => new(2024, 3, day, hour, minute, second, TimeSpan.Zero);

    private static PipedriveCreateCallLogRequest PipedriveCall(
        PipedriveCallOutcome? outcome = null, string to = "+15555550100", DateTimeOffset? start = null, DateTimeOffset? end = null) => new()
    {
        Outcome = outcome ?? PipedriveCallOutcome.Connected,
        ToPhoneNumber = to,
        StartTime = start ?? At(1, 10, 0, 0),
        EndTime = end ?? At(1, 10, 1, 0),
    };

    private static PipedriveCallLogsClient PipedriveAt(CallLogEmulator emulator) => new(new PipedriveClientOptions
    {
        Credential = PipedriveCredential.FromApiToken(emulator.PipedriveApiToken),
        BaseAddress = emulator.PipedriveBaseAddress,
    });
}
