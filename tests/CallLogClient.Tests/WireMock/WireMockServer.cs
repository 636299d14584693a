using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;

namespace CallLogClient.Tests.WireMock;

/// <summary>A WireMock standalone server (java -jar) on a free loopback port, killed on dispose.</summary>
public sealed class WireMockServer : IDisposable
{
    private static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(60);

    private readonly ChildProcess process;
    private readonly HttpClient adminHttp;

    private WireMockServer(ChildProcess process, Uri baseUri)
    {
        this.process = process;
        BaseUri = baseUri;
        adminHttp = new HttpClient { BaseAddress = new Uri(baseUri, "__admin/"), Timeout = TimeSpan.FromSeconds(30) };
        Admin = new WireMockAdmin(adminHttp);
    }

    /// <summary>Root of the stubbed server, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseUri { get; }

    public WireMockAdmin Admin { get; }

    /// <summary>The last lines WireMock wrote to stdout/stderr (unmatched-request reports land here).</summary>
    public string Output => process.Output;

    public static async Task<WireMockServer> StartAsync()
    {
        var jar = WireMockJar.FullPath;
        var port = FindFreePort();
        // WireMock loads (and creates) mappings/ and __files/ under its root; keep that out of the working directory.
        var rootDirectory = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "wiremock-root")).FullName;
        var startInfo = new ProcessStartInfo(JavaExecutable())
        {
            ArgumentList =
            {
                "-jar", jar,
                "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--bind-address", "127.0.0.1",
                "--root-dir", rootDirectory,
                "--disable-banner",
                "--async-response-enabled", "true",
            },
        };

        var process = ChildProcess.Start(startInfo, "Java 17+ is required to run WireMock: install it (e.g. apt-get install default-jre-headless) or set JAVA_HOME.");
        var server = new WireMockServer(process, new Uri($"http://127.0.0.1:{port}/"));
        try
        {
            await server.WaitUntilHealthyAsync(jar);
            return server;
        }
        catch
        {
            server.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        adminHttp.Dispose();
        process.Dispose();
    }

    private static string JavaExecutable()
    {
        var javaHome = Environment.GetEnvironmentVariable("JAVA_HOME");
        var fileName = OperatingSystem.IsWindows() ? "java.exe" : "java";
        return string.IsNullOrEmpty(javaHome) ? fileName : Path.Combine(javaHome, "bin", fileName);
    }

    private static int FindFreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task WaitUntilHealthyAsync(string jar)
    {
        var stopwatch = Stopwatch.StartNew();
        string lastProblem = "no response yet";
        while (stopwatch.Elapsed < StartupTimeout)
        {
            if (process.WaitForExit(TimeSpan.Zero))
            {
                throw new InvalidOperationException($"WireMock ({jar}) exited with code {process.ExitCode} during startup:\n{process.Output}");
            }

            try
            {
                using var response = await adminHttp.GetAsync(new Uri("health", UriKind.Relative));
                var body = await response.Content.ReadAsStringAsync();
                if (response.IsSuccessStatusCode && JsonNode.Parse(body)?["status"]?.GetValue<string>() == "healthy")
                {
                    return;
                }

                lastProblem = $"{(int)response.StatusCode}: {body}";
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                lastProblem = ex.Message;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException(
            $"WireMock ({jar}) on {BaseUri} was not healthy after {StartupTimeout.TotalSeconds:0} s (last: {lastProblem}):\n{process.Output}");
    }
}
