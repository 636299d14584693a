using System.Collections.Concurrent;
using System.ComponentModel;
using System.Diagnostics;

namespace CallLogClient.Tests.WireMock;

/// <summary>A started process whose stdout and stderr are kept (last lines only) for diagnostics; disposing kills its tree.</summary>
internal sealed class ChildProcess : IDisposable
{
    private const int MaxLines = 500;

    private readonly Process process;
    private readonly ConcurrentQueue<string> lines = new();

    private ChildProcess(Process process) => this.process = process;

    public int ExitCode => process.ExitCode;

    public string Output => string.Join('\n', lines);

    /// <summary>Starts <paramref name="startInfo"/>; <paramref name="missingToolMessage"/> explains a missing executable.</summary>
    public static ChildProcess Start(ProcessStartInfo startInfo, string missingToolMessage)
    {
        startInfo.UseShellExecute = false;
        startInfo.RedirectStandardOutput = true;
        startInfo.RedirectStandardError = true;

        var child = new ChildProcess(new Process { StartInfo = startInfo });
        child.process.OutputDataReceived += (_, e) => child.Append(e.Data);
        child.process.ErrorDataReceived += (_, e) => child.Append(e.Data);
        try
        {
            child.process.Start();
        }
        catch (Win32Exception ex)
        {
            child.process.Dispose();
            throw new InvalidOperationException($"{missingToolMessage} (could not start '{startInfo.FileName}': {ex.Message})", ex);
        }

        child.process.BeginOutputReadLine();
        child.process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Waits for the process to exit; when it has, <see cref="Output"/> is complete.</summary>
    public bool WaitForExit(TimeSpan timeout)
    {
        if (!process.WaitForExit(timeout))
        {
            return false;
        }

        process.WaitForExit();
        return true;
    }

    public void Dispose()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(TimeSpan.FromSeconds(10));
            }
        }
        catch (InvalidOperationException)
        {
            // Exited between the check and the kill.
        }

        process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lines.Enqueue(line);
        while (lines.Count > MaxLines)
        {
            lines.TryDequeue(out _);
        }
    }
}
