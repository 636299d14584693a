using System.CommandLine;
using System.CommandLine.Parsing;
using CallLogClient.Close;
using CallLogClient.Errors;
using CallLogClient.Pipedrive;
using CallLogClient.Testing;

namespace CallLogClient.Sample.Export;

/// <summary>
/// <c>export</c>: every call log of one provider to CSV or JSON Lines. The account comes from the same environment
/// settings as the walkthrough; with none, the local emulator, which <c>--seed-emulator N</c> fills first.
/// </summary>
internal static class ExportCommand
{
    private const int MaxSeed = 100_000;

    public static Command Create()
    {
        var provider = new Option<string>("--provider")
        {
            Description = "The provider whose call logs to export.",
            HelpName = "pipedrive|close",
            Required = true,
        };
        provider.Validators.Add(result => RequireOneOf(result, "--provider", ExportJob.Pipedrive, ExportJob.Close));
        var format = new Option<string>("--format")
        {
            Description = "csv (RFC 4180, with a header row) or jsonl (JSON Lines).",
            HelpName = "csv|jsonl",
            Required = true,
        };
        format.Validators.Add(result => RequireOneOf(result, "--format", ExportJob.Csv, ExportJob.JsonLines));
        var output = new Option<string>("--output")
        {
            Description = "The file to write.",
            HelpName = "FILE",
            Required = true,
        };
        output.AcceptLegalFilePathsOnly();
        var checkpoint = new Option<string>("--checkpoint")
        {
            Description = "Where to record progress after each page; run again with the same file to resume after an interruption.",
            HelpName = "FILE",
        };
        checkpoint.AcceptLegalFilePathsOnly();
        var seed = new Option<int>("--seed-emulator")
        {
            Description = "Emulator only (no provider settings): fill the local emulator with N generated call logs first.",
            HelpName = "N",
        };
        seed.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 0 or > MaxSeed)
            {
                result.AddError($"--seed-emulator must be between 0 and {MaxSeed}.");
            }
        });

        var export = new Command("export", "Stream every call log of one provider to CSV or JSON Lines, resumable with --checkpoint.")
        {
            provider, format, output, checkpoint, seed,
        };
        export.SetAction(async (parsed, cancellationToken) =>
        {
            using var tracing = SampleTracing.Start(parsed);
            return await RunAsync(
                new ExportJob(
                    parsed.GetRequiredValue(provider), parsed.GetRequiredValue(format), parsed.GetRequiredValue(output),
                    parsed.GetValue(checkpoint), parsed.GetValue(seed)),
                cancellationToken);
        });
        return export;
    }

    public static async Task<int> RunAsync(ExportJob job, CancellationToken cancellationToken)
    {
        var (settings, problem) = SampleSettings.FromEnvironment(Environment.GetEnvironmentVariable, requireCloseLead: false);
        if (settings is null)
        {
            return Fail(problem!, 2);
        }

        var real = job.Provider == ExportJob.Pipedrive ? settings.PipedriveIsReal : settings.CloseIsReal;
        if (real && job.SeedCount > 0)
        {
            var credential = job.Provider == ExportJob.Pipedrive ? "PIPEDRIVE_API_TOKEN" : "CLOSE_API_KEY";
            return Fail($"--seed-emulator fills the local emulator; it cannot be used while {credential} names an account.", 2);
        }

        CallLogEmulator? emulator = null;
        try
        {
            if (!real)
            {
                emulator = await CallLogEmulator.StartAsync(cancellationToken: cancellationToken);
                Console.WriteLine($"Local emulator listening on {emulator.BaseAddress}");
                if (job.SeedCount > 0)
                {
                    await EmulatorSeeder.SeedAsync(emulator, job.Provider, job.SeedCount, cancellationToken);
                    Console.WriteLine($"Seeded it with {job.SeedCount} {job.Provider} call logs.");
                }
            }

            var result = await ExportAsync(job, settings, emulator, cancellationToken);
            Console.WriteLine(Summary(job, result));
            if (emulator is not null && job.SeedCount == 0 && result.Rows == 0)
            {
                Console.WriteLine("The emulator starts empty: --seed-emulator N fills it with N call logs first.");
            }

            return 0;
        }
        catch (ExportSetupException setup)
        {
            return Fail(setup.Message, 2);
        }
        catch (CallLogApiException failure)
        {
            return Fail(failure.Message, 1);
        }
        catch (InvalidOperationException stuck)
        {
            return Fail(stuck.Message, 1);
        }
        catch (ArgumentException invalid)
        {
            return Fail(invalid.Message, 2);
        }
        catch (Exception io) when (io is IOException or UnauthorizedAccessException)
        {
            return Fail($"cannot write the export: {io.Message}", 2);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            if (!Console.IsErrorRedirected)
            {
                Console.Error.WriteLine();
            }

            Console.Error.WriteLine("Cancelled: run again with the same --checkpoint to resume.");
            return 130;
        }
        finally
        {
            if (emulator is not null)
            {
                await emulator.DisposeAsync();
            }
        }
    }

    private static async Task<ExportResult> ExportAsync(ExportJob job, SampleSettings settings, CallLogEmulator? emulator, CancellationToken cancellationToken)
    {
        var progress = new ExportProgress(Console.Error, !Console.IsErrorRedirected, $"{job.Provider} → {job.Output}", TimeProvider.System);
        if (job.Provider == ExportJob.Pipedrive)
        {
            var options = SampleClients.PipedriveOptions(settings, emulator);
            using var pipedrive = new PipedriveCallLogsClient(options);
            var source = new PipedriveExportSource(pipedrive, options.EffectiveBaseAddress.ToString());
            return await new CallLogExporter<PipedriveExportRow>(source, WriterFor<PipedriveExportRow>(job.Format), progress)
                .RunAsync(job, cancellationToken);
        }

        var closeOptions = SampleClients.CloseOptions(settings, emulator);
        using var close = new CloseCallActivitiesClient(closeOptions);
        var closeSource = new CloseExportSource(close, closeOptions.BaseAddress.ToString(), TimeProvider.System);
        return await new CallLogExporter<CloseExportRow>(closeSource, WriterFor<CloseExportRow>(job.Format), progress)
            .RunAsync(job, cancellationToken);
    }

    private static IRowWriter<TRow> WriterFor<TRow>(string format)
        where TRow : IExportRow<TRow> =>
        format == ExportJob.Csv ? new CsvRowWriter<TRow>() : new JsonLinesRowWriter<TRow>();

    private static string Summary(ExportJob job, ExportResult result) => result switch
    {
        { WasComplete: true } => $"Nothing to do: the checkpoint records a finished export of {result.Rows} call logs to {job.Output}.",
        { ResumedAfter: > 0 } =>
            $"Exported {result.Rows} {job.Provider} call logs to {job.Output} ({job.Format}), resuming after the {result.ResumedAfter} an earlier run wrote.",
        _ => $"Exported {result.Rows} {job.Provider} call logs to {job.Output} ({job.Format}).",
    };

    private static void RequireOneOf(OptionResult result, string option, params string[] allowed)
    {
        var value = result.GetValueOrDefault<string>();
        if (!allowed.Contains(value, StringComparer.Ordinal))
        {
            result.AddError($"{option} must be {string.Join(" or ", allowed)}, not '{value}'.");
        }
    }

    private static int Fail(string message, int exitCode)
    {
        Console.Error.WriteLine($"error: {message}");
        return exitCode;
    }
}
