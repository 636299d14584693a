using CallLogClient.Pipedrive;
using CallLogClient.Pipedrive.Models;

namespace CallLogClient.Sample;

/// <summary>The life of one Pipedrive call log: create, attach a recording, read back, page, delete.</summary>
internal static class PipedriveWalkthrough
{
    public static async Task RunAsync(IPipedriveCallLogsClient client, Report report, CancellationToken cancellationToken)
    {
        var endedAt = DateTimeOffset.UtcNow;
        var created = await client.CreateAsync(new PipedriveCreateCallLogRequest
        {
            Subject = "CallLogClient sample call",
            Outcome = PipedriveCallOutcome.Connected,
            ToPhoneNumber = "+15555550100",
            StartTime = endedAt.AddMinutes(-3),
            EndTime = endedAt,
            Duration = TimeSpan.FromMinutes(3),
            Note = "<p>Logged by the CallLogClient sample.</p>",
        }, cancellationToken);
        report.Step("create", $"call log {created.Id}, outcome {created.Outcome}");
        try
        {
            var audio = SampleAudio.Tone();
            await client.AddRecordingAsync(created.Id, new MemoryStream(audio), "sample-call.wav", "audio/wav", cancellationToken);
            report.Step("attach recording", $"{audio.Length:N0} bytes of audio/wav");

            var read = await client.GetAsync(created.Id, cancellationToken);
            report.Step("read back", $"{read.StartTime:u} → {read.EndTime:u}, {read.Duration?.TotalSeconds} s, recording: {read.HasRecording}");

            var seen = 0;
            var found = false;
            await foreach (var callLog in client.ListAllAsync(pageSize: 10, cancellationToken))
            {
                seen++;
                found |= callLog.Id == created.Id;
                if (found || seen >= 100)
                {
                    break;
                }
            }

            report.Step("page with await foreach", found ? $"found it after {seen} call log(s)" : $"not among the first {seen} call logs");
        }
        finally
        {
            await client.DeleteAsync(created.Id, CancellationToken.None);
            report.Step("delete", "call log and its recording removed");
        }
    }
}
