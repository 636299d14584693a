using System.CommandLine;
using CallLogClient.Calls;
using CallLogClient.Close;
using CallLogClient.Errors;
using CallLogClient.Pipedrive;
using CallLogClient.Testing;

namespace CallLogClient.Sample;

/// <summary>
/// The walkthrough (<c>run</c>, and the default with no arguments): the whole life of a call log on both providers.
/// With no settings it runs against the local emulator; PIPEDRIVE_API_TOKEN or CLOSE_API_KEY + CLOSE_LEAD_ID send that
/// provider's run to a real account instead, touching only what the run creates and deleting it again.
/// </summary>
internal static class WalkthroughCommand
{
    public const string Description = "Walk the whole life of a call log on both providers (the default).";

    /// <summary>The writer looks before it creates, so a call key it has seen before is found rather than created again.</summary>
    private static readonly CallLogWriterOptions WriterOptions = new() { LookUpBeforeCreate = true };

    public static Command Create()
    {
        var run = new Command("run", Description);
        run.SetAction(RunAsync);
        return run;
    }

    public static async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        using var tracing = SampleTracing.Start(parse);
        var (settings, problem) = SampleSettings.FromEnvironment(Environment.GetEnvironmentVariable);
        if (settings is null)
        {
            Console.Error.WriteLine($"error: {problem}");
            return 2;
        }

        var report = new Report(Spectre.Console.AnsiConsole.Console);
        CallLogEmulator? emulator = null;
        try
        {
            if (!settings.PipedriveIsReal || !settings.CloseIsReal)
            {
                emulator = await CallLogEmulator.StartAsync(cancellationToken: cancellationToken);
                report.Line($"Local emulator listening on {emulator.BaseAddress}");
            }

            var pipedriveOptions = SampleClients.PipedriveOptions(settings, emulator);
            using (var pipedrive = new PipedriveCallLogsClient(pipedriveOptions))
            {
                report.Heading("Pipedrive call logs", settings.PipedriveIsReal ? pipedriveOptions.EffectiveBaseAddress.ToString() : "emulator");
                await PipedriveWalkthrough.RunAsync(pipedrive, report, cancellationToken);
                report.Heading("Pipedrive through the call log writer, exactly once", settings.PipedriveIsReal ? "the same account" : "emulator");
                await WriterWalkthrough.RunAsync(
                    CallLogWriter.ForPipedrive(pipedrive, WriterOptions), new CallLinks(), report, cancellationToken);
            }

            var closeOptions = SampleClients.CloseOptions(settings, emulator);
            using (var close = new CloseCallActivitiesClient(closeOptions))
            {
                report.Heading("Close call activities", settings.CloseIsReal ? closeOptions.BaseAddress.ToString() : "emulator");
                await CloseWalkthrough.RunAsync(close, settings.CloseLeadId ?? "lead_sample", report, cancellationToken);
                report.Heading("Close through the call log writer, exactly once", settings.CloseIsReal ? "the same organization" : "emulator");
                await WriterWalkthrough.RunAsync(
                    CallLogWriter.ForClose(close, options: WriterOptions),
                    new CallLinks { CloseLeadId = settings.CloseLeadId ?? "lead_sample" },
                    report,
                    cancellationToken);
            }

            report.Line("");
            report.Line("Done: every call the run created was deleted again.");
            return 0;
        }
        catch (CallLogOutcomeUnknownException unknown)
        {
            Console.Error.WriteLine($"error: {unknown.Message}");
            Console.Error.WriteLine($"Look for a call sent at {unknown.SentAt:u} before running the sample again.");
            return 3;
        }
        catch (CallLogApiException failure)
        {
            Console.Error.WriteLine($"error: {failure.Message}");
            return 1;
        }
        catch (ArgumentException invalid)
        {
            Console.Error.WriteLine($"error: {invalid.Message}");
            return 2;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Console.Error.WriteLine("Cancelled.");
            return 130;
        }
        finally
        {
            report.Flush(); // the steps done before a failure
            if (emulator is not null)
            {
                await emulator.DisposeAsync();
            }
        }
    }
}
