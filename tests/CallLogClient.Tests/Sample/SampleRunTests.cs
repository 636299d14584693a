namespace CallLogClient.Tests.Sample;

/// <summary>The sample, run as a process the way the README runs it: exit codes and what it prints.</summary>
public sealed class SampleRunTests
{
    [Fact]
    public async Task With_no_settings_it_runs_the_whole_job_on_the_emulator_and_exits_0()
    {
        var (exitCode, output, errors) = await RunAsync();

        Assert.Equal(0, exitCode);
        Assert.Equal("", errors);
        Assert.Contains("── Pipedrive call logs — emulator ──", output, StringComparison.Ordinal);
        Assert.Contains("── Close call activities — emulator ──", output, StringComparison.Ordinal);
        Assert.Contains("│ 2 │ attach recording        │ 4,044 bytes of audio/wav ", output, StringComparison.Ordinal);
        Assert.Contains("│ 3 │ update (partial)        │ note now \"Updated by the CallLogClient ", output, StringComparison.Ordinal);
        Assert.Equal(2, CountOf("│ 5 │ delete ", output));
        Assert.Equal(2, CountOf("found it after 1", output));
        Assert.Contains("── Pipedrive through the call log writer, exactly once — emulator ──", output, StringComparison.Ordinal);
        Assert.Contains("── Close through the call log writer, exactly once — emulator ──", output, StringComparison.Ordinal);
        Assert.Equal(2, CountOf("CreatedAfterLookup", output));
        Assert.Equal(2, CountOf("│ 2 │ same call key again │ AlreadyExisted, no duplicate ", output));
        Assert.Equal(2, CountOf("│ 3 │ delete              │ removed ", output));
        Assert.EndsWith("Done: every call the run created was deleted again.", output.TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_run_command_is_the_same_walkthrough()
    {
        var (exitCode, output, errors) = await SampleProcess.RunAsync(["run"]);

        Assert.Equal(0, exitCode);
        Assert.Equal("", errors);
        Assert.Contains("Close call activities — emulator", output, StringComparison.Ordinal);
        Assert.EndsWith("Done: every call the run created was deleted again.", output.TrimEnd(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("PIPEDRIVE_BASE_URL", "not a url", "error: PIPEDRIVE_BASE_URL is not an absolute http(s) URL: 'not a url'.")]
    [InlineData("CLOSE_BASE_URL", "ftp://close.example", "error: CLOSE_BASE_URL is not an absolute http(s) URL: 'ftp://close.example'.")]
    [InlineData("PIPEDRIVE_BASE_URL", "https://api.pipedrive.com/v1", "error: PIPEDRIVE_API_TOKEN is required to call a Pipedrive account (PIPEDRIVE_BASE_URL or PIPEDRIVE_COMPANY_DOMAIN is set).")]
    [InlineData("CLOSE_API_KEY", "api_123", "error: CLOSE_LEAD_ID is required with CLOSE_API_KEY: the sample logs its call on that lead and deletes it again.")]
    public async Task Bad_settings_end_with_one_line_on_stderr_and_exit_2(string name, string value, string expected)
    {
        var (exitCode, output, errors) = await RunAsync((name, value));

        Assert.Equal(2, exitCode);
        Assert.Equal("", output);
        Assert.Equal(expected, errors.TrimEnd());
    }

    [Fact]
    public async Task A_rejected_credential_on_a_loopback_server_ends_with_the_clients_message_and_exit_1()
    {
        await using var emulator = await Testing.CallLogEmulator.StartAsync();

        var (exitCode, _, errors) = await RunAsync(("PIPEDRIVE_API_TOKEN", "wrong-token"), ("PIPEDRIVE_BASE_URL", emulator.PipedriveBaseAddress.ToString()));

        Assert.Equal(1, exitCode);
        Assert.StartsWith("error: Pipedrive POST /pipedrive/v1/callLogs failed with 401", errors, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-token", errors, StringComparison.Ordinal);
        Assert.Single(errors.TrimEnd().Split('\n'));
    }

    private static int CountOf(string text, string output) => output.Split(text).Length - 1;

    private static Task<(int ExitCode, string Output, string Errors)> RunAsync(params (string Name, string Value)[] environment) =>
        SampleProcess.RunAsync([], environment);
}
