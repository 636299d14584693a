using System.Text.Json;
using CallLogClient.Sample.Export;
using CallLogClient.Testing;
using Xunit.Abstractions;

namespace CallLogClient.Tests.Sample;

/// <summary>
/// <c>export</c>, run as a process: the exact CSV and JSON Lines of seeded call logs, resuming after a kill, and bad
/// arguments. Each test seeds an emulator of its own and points the sample at it through the provider settings, so
/// that a restarted export reads the same call logs.
/// </summary>
public sealed class ExportTests(ITestOutputHelper log) : IDisposable
{
    private const string PipedriveHeader =
        "id,start_time,end_time,duration_seconds,outcome,from_phone_number,to_phone_number,has_recording,subject,user_id,person_id,org_id,deal_id,lead_id";

    private readonly string directory = Directory.CreateTempSubdirectory("calllog-export-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public async Task Csv_export_writes_a_header_and_each_call_log_once_in_list_order_escaped_per_RFC_4180()
    {
        await using var emulator = await SeededAsync(ExportJob.Pipedrive, 12);
        var ids = emulator.Pipedrive.CallLogs.Select(callLog => callLog.Id).ToArray();
        var output = Path.Combine(directory, "calls.csv");

        var (exitCode, stdout, errors) = await ExportAsync(emulator, ExportJob.Pipedrive, "csv", output);

        Assert.Equal(0, exitCode);
        AssertOnlyProgress(errors);
        Assert.Equal($"Exported 12 pipedrive call logs to {output} (csv).", stdout.TrimEnd());
        var text = await File.ReadAllTextAsync(output);
        Assert.StartsWith(
            $"{PipedriveHeader}\r\n{ids[0]},2025-01-06T09:00:00Z,2025-01-06T09:01:12Z,67,connected,,+15550000001,false,Call #1,777707777,,,,\r\n",
            text,
            StringComparison.Ordinal);
        Assert.Contains(
            $"\r\n{ids[6]},2025-01-06T09:42:00Z,2025-01-06T09:46:54Z,289,connected,,+15550000007,false,\"Quote for \"\"Acme, Inc.\"\" #7\",777707777,,,,\r\n",
            text,
            StringComparison.Ordinal);
        Assert.Contains(
            $"\r\n{ids[9]},2025-01-06T10:03:00Z,2025-01-06T10:09:45Z,400,left_voicemail,+15555550199,+15550000010,true,Call #10,777707777,,,,\r\n",
            text,
            StringComparison.Ordinal);
        Assert.Contains(
            $"\r\n{ids[10]},2025-01-06T10:10:00Z,2025-01-06T10:17:22Z,437,wrong_number,,+15550000011,false,\"Call back\nabout renewal #11\",777707777,,,,\r\n",
            text,
            StringComparison.Ordinal);
        Assert.EndsWith(
            $"\r\n{ids[11]},2025-01-06T10:17:00Z,2025-01-06T10:24:59Z,474,busy,+15555550199,+15550000012,false,Call #12,777707777,1012,,512,\r\n",
            text,
            StringComparison.Ordinal);
        var records = CsvRecords.Parse(text);
        Assert.Equal(ids, records.Skip(1).Select(record => record[0]));
        Assert.All(records, record => Assert.Equal(14, record.Length));
    }

    [Fact]
    public async Task Jsonl_export_writes_one_object_per_line_in_list_order()
    {
        await using var emulator = await SeededAsync(ExportJob.Close, 12);
        var ids = emulator.Close.Calls.Select(call => call.Id).ToArray();
        var output = Path.Combine(directory, "calls.jsonl");

        var (exitCode, stdout, errors) = await ExportAsync(emulator, ExportJob.Close, "jsonl", output);

        Assert.Equal(0, exitCode);
        AssertOnlyProgress(errors);
        Assert.Equal($"Exported 12 close call logs to {output} (jsonl).", stdout.TrimEnd());
        var lines = (await File.ReadAllTextAsync(output)).Split('\n');
        Assert.Equal(13, lines.Length);
        Assert.Equal("", lines[^1]);
        Assert.Equal(
            $$"""{"id":"{{ids[0]}}","date_created":"2025-01-06T10:17:00Z","activity_at":"2025-01-06T10:17:00Z","duration_seconds":474,"direction":"inbound","status":"completed","disposition":null,"phone":"+16500000012","local_phone":null,"has_recording":false,"lead_id":"lead_demo_1","contact_id":null,"user_id":"user_emulator","note":null}""",
            lines[0]);
        Assert.Equal(
            $$"""{"id":"{{ids[1]}}","date_created":"2025-01-06T10:10:00Z","activity_at":"2025-01-06T10:10:00Z","duration_seconds":437,"direction":"outbound","status":"completed","disposition":null,"phone":"+16500000011","local_phone":null,"has_recording":false,"lead_id":"lead_demo_3","contact_id":null,"user_id":"user_emulator","note":"Call back\nabout renewal #11"}""",
            lines[1]);
        Assert.Equal(
            $$"""{"id":"{{ids[2]}}","date_created":"2025-01-06T10:03:00Z","activity_at":"2025-01-06T10:03:00Z","duration_seconds":60,"direction":"outbound","status":"completed","disposition":"answered","phone":"+16505550100","local_phone":null,"has_recording":true,"lead_id":"lead_demo_2","contact_id":null,"user_id":"user_emulator","note":null}""",
            lines[2]);
        Assert.Equal(
            $$"""{"id":"{{ids[5]}}","date_created":"2025-01-06T09:42:00Z","activity_at":"2025-01-06T09:42:00Z","duration_seconds":289,"direction":"outbound","status":"completed","disposition":null,"phone":"+16500000007","local_phone":null,"has_recording":false,"lead_id":"lead_demo_2","contact_id":null,"user_id":"user_emulator","note":"Wants a quote, \"ASAP\" #7"}""",
            lines[5]);
        Assert.Equal(
            $$"""{"id":"{{ids[7]}}","date_created":"2025-01-06T09:28:00Z","activity_at":"2025-01-06T09:28:00Z","duration_seconds":0,"direction":"outbound","status":"no-answer","disposition":null,"phone":"+16500000005","local_phone":null,"has_recording":false,"lead_id":"lead_demo_3","contact_id":null,"user_id":"user_emulator","note":null}""",
            lines[7]);
        Assert.Equal(ids, lines[..^1].Select(line => JsonDocument.Parse(line).RootElement.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task With_no_settings_seed_emulator_fills_the_local_emulator_and_the_export_reads_it_all()
    {
        var output = Path.Combine(directory, "demo.jsonl");

        var (exitCode, stdout, errors) = await SampleProcess.RunAsync(
            ["export", "--provider", "pipedrive", "--format", "jsonl", "--output", output, "--seed-emulator", "120"]);

        Assert.Equal(0, exitCode);
        AssertOnlyProgress(errors);
        Assert.Contains("Seeded it with 120 pipedrive call logs.", stdout, StringComparison.Ordinal);
        Assert.Contains($"Exported 120 pipedrive call logs to {output} (jsonl).", stdout, StringComparison.Ordinal);
        var subjects = File.ReadLines(output).Select(line => JsonDocument.Parse(line).RootElement.GetProperty("subject").GetString()).ToList();
        Assert.Equal(120, subjects.Count);
        Assert.Equal("Call #1", subjects[0]);
        Assert.Equal("Call #120", subjects[^1]);
    }

    [Fact]
    public async Task A_killed_csv_export_resumes_from_its_checkpoint_with_every_call_log_exactly_once_in_order()
    {
        await using var emulator = await SeededAsync(ExportJob.Pipedrive, 300);
        var ids = emulator.Pipedrive.CallLogs.Select(callLog => callLog.Id).ToArray();
        emulator.Pipedrive.Misbehaviour.Latency = TimeSpan.FromMilliseconds(150);
        var output = Path.Combine(directory, "calls.csv");
        var checkpoint = Path.Combine(directory, "calls.checkpoint.json");

        var rowsAtKill = await KillAfterAsync(emulator, ExportJob.Pipedrive, "csv", output, checkpoint, rows: 100);
        Assert.InRange(rowsAtKill, 100, 299);
        Assert.InRange(CsvRecords.Parse(await File.ReadAllTextAsync(output)).Count - 1, rowsAtKill, 299);
        await File.AppendAllTextAsync(output, "half a row written when the process died,"); // as if killed mid-page

        var (exitCode, stdout, errors) = await ExportAsync(emulator, ExportJob.Pipedrive, "csv", output, checkpoint);

        Assert.Equal(0, exitCode);
        AssertOnlyProgress(errors);
        Assert.Contains($"resuming after the {rowsAtKill} an earlier run wrote", stdout, StringComparison.Ordinal);
        var records = CsvRecords.Parse(await File.ReadAllTextAsync(output));
        log.WriteLine($"Pipedrive csv: killed with {rowsAtKill} rows checkpointed; after the restart {records.Count - 1} rows, {records.Skip(1).Select(r => r[0]).Distinct().Count()} distinct.");
        Assert.Equal(PipedriveHeader.Split(','), records[0]);
        Assert.Equal(ids, records.Skip(1).Select(record => record[0]));
        Assert.Equal("Call #300", records[^1][8]);
        Assert.True(ReadCheckpoint(checkpoint).GetProperty("complete").GetBoolean());

        var again = await ExportAsync(emulator, ExportJob.Pipedrive, "csv", output, checkpoint);
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("Nothing to do: the checkpoint records a finished export of 300 call logs", again.Output, StringComparison.Ordinal);
        Assert.Equal(301, CsvRecords.Parse(await File.ReadAllTextAsync(output)).Count);
    }

    [Fact]
    public async Task A_killed_jsonl_export_of_Close_resumes_and_leaves_out_calls_created_after_it_started()
    {
        await using var emulator = await SeededAsync(ExportJob.Close, 500);
        var ids = emulator.Close.Calls.Select(call => call.Id).ToArray();
        emulator.Close.Misbehaviour.Latency = TimeSpan.FromMilliseconds(150);
        var output = Path.Combine(directory, "calls.jsonl");
        var checkpoint = Path.Combine(directory, "calls.checkpoint.json");

        var rowsAtKill = await KillAfterAsync(emulator, ExportJob.Close, "jsonl", output, checkpoint, rows: 100);
        Assert.InRange(rowsAtKill, 100, 499);
        var createdSince = emulator.Close.AddCall("lead_demo_1"); // newest first: it would shift every offset

        var (exitCode, stdout, errors) = await ExportAsync(emulator, ExportJob.Close, "jsonl", output, checkpoint);

        Assert.Equal(0, exitCode);
        AssertOnlyProgress(errors);
        Assert.Contains($"Exported 500 close call logs to {output} (jsonl), resuming after the {rowsAtKill}", stdout, StringComparison.Ordinal);
        var exported = File.ReadLines(output).Select(line => JsonDocument.Parse(line).RootElement.GetProperty("id").GetString()).ToList();
        log.WriteLine($"Close jsonl: killed with {rowsAtKill} rows checkpointed; after the restart {exported.Count} rows, {exported.Distinct().Count()} distinct.");
        Assert.Equal(ids, exported);
        Assert.DoesNotContain(createdSince, exported);
    }

    [Theory]
    [InlineData("error: --provider must be pipedrive or close, not 'hubspot'.", "export", "--provider", "hubspot", "--format", "csv", "--output", "x.csv")]
    [InlineData("error: --format must be csv or jsonl, not 'xml'.", "export", "--provider", "close", "--format", "xml", "--output", "x.xml")]
    [InlineData("error: Option '--output' is required.", "export", "--provider", "close", "--format", "csv")]
    [InlineData("error: --seed-emulator must be between 0 and 100000.", "export", "--provider", "close", "--format", "csv", "--output", "x.csv", "--seed-emulator", "-1")]
    [InlineData("error: Unrecognized command or argument 'exprt'.", "exprt", "--provider", "close")]
    public async Task Bad_arguments_end_with_one_line_on_stderr_and_exit_2(string expected, params string[] args)
    {
        var (exitCode, output, errors) = await SampleProcess.RunAsync(args);

        Assert.Equal(2, exitCode);
        Assert.Equal("", output);
        Assert.Equal(expected, errors.TrimEnd());
    }

    [Theory]
    [InlineData("PIPEDRIVE_BASE_URL", "not a url", "error: PIPEDRIVE_BASE_URL is not an absolute http(s) URL: 'not a url'.")]
    [InlineData("PIPEDRIVE_API_TOKEN", "api-token", "error: --seed-emulator fills the local emulator; it cannot be used while PIPEDRIVE_API_TOKEN names an account.")]
    public async Task A_bad_setting_ends_with_one_line_on_stderr_and_exit_2(string name, string value, string expected)
    {
        var (exitCode, output, errors) = await SampleProcess.RunAsync(
            ["export", "--provider", "pipedrive", "--format", "csv", "--output", Path.Combine(directory, "x.csv"), "--seed-emulator", "1"], (name, value));

        Assert.Equal(2, exitCode);
        Assert.Equal("", output);
        Assert.Equal(expected, errors.TrimEnd());
    }

    [Fact]
    public async Task A_checkpoint_it_did_not_write_or_of_another_export_is_refused_with_exit_2()
    {
        await using var emulator = await SeededAsync(ExportJob.Pipedrive, 3);
        var output = Path.Combine(directory, "calls.csv");
        var checkpoint = Path.Combine(directory, "calls.checkpoint.json");
        await File.WriteAllTextAsync(checkpoint, "not json");

        var garbled = await ExportAsync(emulator, ExportJob.Pipedrive, "csv", output, checkpoint);
        File.Delete(checkpoint);
        Assert.Equal(0, (await ExportAsync(emulator, ExportJob.Pipedrive, "csv", output, checkpoint)).ExitCode);
        var otherFormat = await ExportAsync(emulator, ExportJob.Pipedrive, "jsonl", output, checkpoint);

        Assert.Equal((2, $"error: {checkpoint} is not a checkpoint this export wrote; delete it to start over."), (garbled.ExitCode, garbled.Errors.TrimEnd()));
        Assert.Equal(
            (2, $"error: The checkpoint {checkpoint} does not fit this export: it records a csv export, not jsonl. Use another checkpoint file or delete it."),
            (otherFormat.ExitCode, otherFormat.Errors.TrimEnd()));
    }

    /// <summary>A run slower than a few seconds may print a progress line on a redirected stderr; nothing else may be there.</summary>
    private static void AssertOnlyProgress(string errors) =>
        Assert.All(errors.Split('\n', StringSplitOptions.RemoveEmptyEntries), line => Assert.StartsWith("Exporting ", line, StringComparison.Ordinal));

    private static async Task<CallLogEmulator> SeededAsync(string provider, int count)
    {
        var emulator = await CallLogEmulator.StartAsync();
        await EmulatorSeeder.SeedAsync(emulator, provider, count, CancellationToken.None);
        return emulator;
    }

    private static Task<(int ExitCode, string Output, string Errors)> ExportAsync(
        CallLogEmulator emulator, string provider, string format, string output, string? checkpoint = null) =>
        SampleProcess.RunAsync(ExportArgs(provider, format, output, checkpoint), Settings(emulator, provider));

    /// <summary>Starts the export and kills it once its checkpoint records at least <paramref name="rows"/> rows; returns the rows recorded then.</summary>
    private static async Task<long> KillAfterAsync(CallLogEmulator emulator, string provider, string format, string output, string checkpoint, int rows)
    {
        using var running = SampleProcess.Start(ExportArgs(provider, format, output, checkpoint), Settings(emulator, provider));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        while (!running.Process.HasExited)
        {
            if (File.Exists(checkpoint) && TryReadRows(checkpoint) >= rows)
            {
                running.Process.Kill();
                break;
            }

            await Task.Delay(5, timeout.Token);
        }

        var (exitCode, _, errors) = await running.WaitAsync();
        Assert.True(exitCode != 0, $"The export finished before it could be killed: {errors}");
        return ReadCheckpoint(checkpoint).GetProperty("rows").GetInt64();
    }

    private static long TryReadRows(string checkpoint)
    {
        try
        {
            return ReadCheckpoint(checkpoint).GetProperty("rows").GetInt64();
        }
        catch (Exception e) when (e is IOException or JsonException)
        {
            return -1;
        }
    }

    private static JsonElement ReadCheckpoint(string checkpoint) => JsonDocument.Parse(File.ReadAllText(checkpoint)).RootElement.Clone();

    private static string[] ExportArgs(string provider, string format, string output, string? checkpoint) =>
        checkpoint is null
            ? ["export", "--provider", provider, "--format", format, "--output", output]
            : ["export", "--provider", provider, "--format", format, "--output", output, "--checkpoint", checkpoint];

    private static (string, string)[] Settings(CallLogEmulator emulator, string provider) => provider == ExportJob.Pipedrive
        ? [("PIPEDRIVE_API_TOKEN", emulator.PipedriveApiToken), ("PIPEDRIVE_BASE_URL", emulator.PipedriveBaseAddress.ToString())]
        : [("CLOSE_API_KEY", emulator.CloseApiKey), ("CLOSE_BASE_URL", emulator.CloseBaseAddress.ToString())];
}
