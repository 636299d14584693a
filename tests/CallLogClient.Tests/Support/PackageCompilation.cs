using Microsoft.CodeAnalysis;

namespace CallLogClient.Tests.Support;

/// <summary>Metadata references for compiling against the packages: every assembly the test host loads from.</summary>
internal static class PackageCompilation
{
    private static readonly Lazy<IReadOnlyList<PortableExecutableReference>> All = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(path => path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            .Select(path => MetadataReference.CreateFromFile(path))
            .ToList());

    public static IReadOnlyList<PortableExecutableReference> References => All.Value;

    /// <summary>The repository's root folder (where CallLogClient.sln is), found upward from the test output.</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CallLogClient.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"no CallLogClient.sln above {AppContext.BaseDirectory}");
    }
}
