using CallLogClient.Close;
using CallLogClient.Close.Models;
using CallLogClient.Pipedrive;
using CallLogClient.Pipedrive.Models;
using CallLogClient.Testing;

namespace CallLogClient.Sample.Export;

/// <summary>
/// Fills the emulator with generated call logs for <c>--seed-emulator</c> (and the tests): call log <c>n</c> (from 1)
/// is the same on every run but its id, and some carry a comma, a quote or a line break to show the CSV escaping.
/// </summary>
internal static class EmulatorSeeder
{
    /// <summary>When the first generated call starts; call <c>n</c> starts <c>n - 1</c> times seven minutes later.</summary>
    public static readonly DateTimeOffset FirstCall = new(2025, 1, 6, 9, 0, 0, TimeSpan.Zero);

    private static readonly PipedriveCallOutcome[] Outcomes =
    [
        PipedriveCallOutcome.Connected, PipedriveCallOutcome.NoAnswer, PipedriveCallOutcome.LeftMessage,
        PipedriveCallOutcome.LeftVoicemail, PipedriveCallOutcome.WrongNumber, PipedriveCallOutcome.Busy,
    ];

    public static async Task SeedAsync(CallLogEmulator emulator, string provider, int count, CancellationToken cancellationToken)
    {
        if (provider == ExportJob.Pipedrive)
        {
            using var pipedrive = new PipedriveCallLogsClient(new PipedriveClientOptions
            {
                Credential = PipedriveCredential.FromApiToken(emulator.PipedriveApiToken),
                BaseAddress = emulator.PipedriveBaseAddress,
            });
            var audio = SampleAudio.Tone();
            for (var n = 1; n <= count; n++)
            {
                var created = await pipedrive.CreateAsync(PipedriveCall(n), cancellationToken);
                if (n % 10 == 0)
                {
                    await pipedrive.AddRecordingAsync(created.Id, new MemoryStream(audio), $"call-{n}.wav", "audio/wav", cancellationToken);
                }
            }

            return;
        }

        using var close = new CloseCallActivitiesClient(new CloseClientOptions
        {
            Credential = CloseCredential.FromApiKey(emulator.CloseApiKey),
            BaseAddress = emulator.CloseBaseAddress,
        });
        for (var n = 1; n <= count; n++)
        {
            if (n % 10 == 0)
            {
                emulator.Close.AddCall(LeadOf(n), StartOf(n));
            }
            else
            {
                await close.CreateAsync(CloseCall(n), cancellationToken);
            }
        }
    }

    public static PipedriveCreateCallLogRequest PipedriveCall(int n)
    {
        var start = StartOf(n);
        var seconds = TalkSeconds(n);
        return new()
        {
            Subject = n % 7 == 0 ? $"Quote for \"Acme, Inc.\" #{n}" : n % 11 == 0 ? $"Call back\nabout renewal #{n}" : $"Call #{n}",
            Outcome = Outcomes[(n - 1) % Outcomes.Length],
            FromPhoneNumber = n % 2 == 0 ? "+15555550199" : null,
            ToPhoneNumber = $"+1555{n % 10_000_000:D7}",
            StartTime = start,
            EndTime = start.AddSeconds(seconds + 5),
            Duration = TimeSpan.FromSeconds(seconds),
            PersonId = n % 4 == 0 ? 1000 + n : null,
            DealId = n % 6 == 0 ? 500 + n : null,
        };
    }

    public static CloseCreateCallRequest CloseCall(int n)
    {
        var answered = n % 5 != 0;
        return new()
        {
            LeadId = LeadOf(n),
            Direction = n % 2 == 0 ? CloseCallDirection.Inbound : CloseCallDirection.Outbound,
            Status = answered ? CloseCallStatus.Completed : CloseCallStatus.NoAnswer,
            Duration = TimeSpan.FromSeconds(answered ? TalkSeconds(n) : 0),
            Phone = $"+1650{n % 10_000_000:D7}",
            Note = n % 7 == 0 ? $"Wants a quote, \"ASAP\" #{n}" : n % 11 == 0 ? $"Call back\nabout renewal #{n}" : null,
            ActivityAt = StartOf(n),
            DateCreated = StartOf(n),
        };
    }

    private static DateTimeOffset StartOf(int n) => FirstCall.AddMinutes(7 * (n - 1));

    private static int TalkSeconds(int n) => 30 + (n * 37 % 600);

    private static string LeadOf(int n) => $"lead_demo_{(n % 3) + 1}";
}
