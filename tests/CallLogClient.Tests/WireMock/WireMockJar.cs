using System.Diagnostics;

namespace CallLogClient.Tests.WireMock;

/// <summary>Locates the WireMock standalone jar shipped by the <c>wiremock</c> npm package in <c>tests/node_modules</c>.</summary>
internal static class WireMockJar
{
    /// <summary>Environment variable that points at a jar to use instead of the npm one.</summary>
    public const string OverrideVariable = "WIREMOCK_JAR";

    private static readonly TimeSpan NpmTimeout = TimeSpan.FromMinutes(5);
    private static readonly Lazy<string> JarPath = new(Locate);

    /// <summary>The jar's full path; runs <c>npm ci</c> in the tests folder once if the package is not installed.</summary>
    public static string FullPath => JarPath.Value;

    private static string Locate()
    {
        var overridden = Environment.GetEnvironmentVariable(OverrideVariable);
        if (!string.IsNullOrEmpty(overridden))
        {
            return File.Exists(overridden)
                ? Path.GetFullPath(overridden)
                : throw new InvalidOperationException($"{OverrideVariable} is set to '{overridden}', which does not exist.");
        }

        var testsDir = FindTestsDirectory();
        var jar = FindJar(testsDir);
        if (jar is not null)
        {
            return jar;
        }

        RunNpmCi(testsDir);
        return FindJar(testsDir)
            ?? throw new InvalidOperationException($"'npm ci' succeeded in {testsDir} but no WireMock jar was found under node_modules/wiremock.");
    }

    private static string FindTestsDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests");
            if (File.Exists(Path.Combine(candidate, "package.json")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException(
            $"No tests/package.json found above {AppContext.BaseDirectory}; set {OverrideVariable} to a wiremock-standalone jar.");
    }

    private static string? FindJar(string testsDir)
    {
        var packageDir = Path.Combine(testsDir, "node_modules", "wiremock");
        return Directory.Exists(packageDir)
            ? Directory.EnumerateFiles(packageDir, "wiremock-standalone-*.jar", SearchOption.AllDirectories).FirstOrDefault()
            : null;
    }

    private static void RunNpmCi(string testsDir)
    {
        var startInfo = OperatingSystem.IsWindows()
            ? new ProcessStartInfo("cmd.exe") { ArgumentList = { "/c", "npm", "ci" } }
            : new ProcessStartInfo("npm") { ArgumentList = { "ci" } };
        startInfo.WorkingDirectory = testsDir;

        using var npm = ChildProcess.Start(startInfo, "npm (Node.js) is required to install WireMock: install it, or run 'npm ci' in tests/.");
        if (!npm.WaitForExit(NpmTimeout))
        {
            throw new InvalidOperationException($"'npm ci' in {testsDir} did not finish within {NpmTimeout}:\n{npm.Output}");
        }

        if (npm.ExitCode != 0)
        {
            throw new InvalidOperationException($"'npm ci' in {testsDir} failed with exit code {npm.ExitCode}:\n{npm.Output}");
        }
    }
}
