using System.Diagnostics;

namespace CallLogClient.Tests.Sample;

/// <summary>The built sample (<c>dotnet CallLogClient.Sample.dll</c>, copied next to the tests), run with the provider settings cleared.</summary>
internal static class SampleProcess
{
    private static readonly string[] ProviderVariables =
        ["PIPEDRIVE_API_TOKEN", "PIPEDRIVE_COMPANY_DOMAIN", "PIPEDRIVE_BASE_URL", "CLOSE_API_KEY", "CLOSE_LEAD_ID", "CLOSE_BASE_URL"];

    /// <summary>Starts the sample; its output and errors are read to the end in the background.</summary>
    public static Running Start(IEnumerable<string> args, params (string Name, string Value)[] environment)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "CallLogClient.Sample.dll"), .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var name in ProviderVariables)
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start)!;
        return new Running(process, process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync());
    }

    public static async Task<(int ExitCode, string Output, string Errors)> RunAsync(IEnumerable<string> args, params (string Name, string Value)[] environment)
    {
        using var running = Start(args, environment);
        return await running.WaitAsync();
    }

    /// <summary>A started sample process.</summary>
    internal sealed class Running(Process process, Task<string> output, Task<string> errors) : IDisposable
    {
        public Process Process => process;

        public async Task<(int ExitCode, string Output, string Errors)> WaitAsync()
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
            await process.WaitForExitAsync(timeout.Token);
            return (process.ExitCode, await output, await errors);
        }

        public void Dispose()
        {
            if (!process.HasExited)
            {
                process.Kill();
            }

            process.Dispose();
        }
    }
}
