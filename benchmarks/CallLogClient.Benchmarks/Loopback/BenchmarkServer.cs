using System.Diagnostics;
using System.Reflection;

namespace CallLogClient.Benchmarks.Loopback;

/// <summary>
/// The loopback server (CallLogClient.Benchmarks.Server) in its own process: started by a benchmark's setup, killed by
/// its cleanup, and gone by itself within a second should the benchmark process die first.
/// </summary>
internal sealed class BenchmarkServer : IDisposable
{
    private readonly Process process;

    private BenchmarkServer(Process process, Uri address)
    {
        this.process = process;
        Address = address;
    }

    /// <summary>The server's root, e.g. <c>http://127.0.0.1:40031/</c>.</summary>
    public Uri Address { get; }

    /// <summary>The Pipedrive base address; list pages take <paramref name="pageDelayMs"/> to answer.</summary>
    public Uri Pipedrive(int pageDelayMs = 0) => new(Address, $"{pageDelayMs}/pipedrive/v1/");

    /// <summary>The Close base address; list pages take <paramref name="pageDelayMs"/> to answer.</summary>
    public Uri Close(int pageDelayMs = 0) => new(Address, $"{pageDelayMs}/close/api/v1/");

    public static BenchmarkServer Start(int total = 10_000)
    {
        var path = typeof(BenchmarkServer).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(attribute => attribute.Key == "BenchmarkServer").Value!;
        if (!File.Exists(path))
        {
            throw new FileNotFoundException("Build the server first: dotnet build -c Release benchmarks/CallLogClient.Benchmarks.Server", path);
        }

        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(path)!,
        };
        foreach (var argument in new[] { path, "--total", total.ToString(System.Globalization.CultureInfo.InvariantCulture), "--parent", Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("The benchmark server did not start.");
        const string Prefix = "listening on ";
        while (process.StandardOutput.ReadLine() is { } line)
        {
            if (line.StartsWith(Prefix, StringComparison.Ordinal))
            {
                return new BenchmarkServer(process, new Uri(line[Prefix.Length..].TrimEnd('/') + "/"));
            }
        }

        process.Kill(entireProcessTree: true);
        throw new InvalidOperationException("The benchmark server exited before it listened.");
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        process.Dispose();
    }
}
