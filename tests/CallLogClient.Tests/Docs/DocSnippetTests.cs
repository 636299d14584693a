using System.Text;
using CallLogClient.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CallLogClient.Tests.Docs;

/// <summary>
/// Every <c>```csharp</c> block of README.md, docs/*.md and each package's README compiles against the packages:
/// a block's top-level statements become the body of an async method, its types stay types, its usings stay usings;
/// the packages' namespaces, xunit and <see cref="SnippetContext"/>'s names (apiToken, services, pipedrive, …) are
/// in scope. A compile error is reported at the markdown file's own line.
/// </summary>
public sealed class DocSnippetTests
{
    private static readonly string[] CSharpFences = ["```csharp", "```cs", "```c#"];

    private static readonly string Prelude = string.Join('\n', new[]
    {
        "System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net", "System.Net.Http", "System.Text",
        "System.Text.Json", "System.Threading", "System.Threading.Tasks", "Microsoft.Extensions.DependencyInjection",
        "CallLogClient", "CallLogClient.Errors", "CallLogClient.RateLimiting", "CallLogClient.Pipedrive",
        "CallLogClient.Pipedrive.Models", "CallLogClient.Close", "CallLogClient.Close.Models", "CallLogClient.Testing", "Xunit",
        "CallLogClient.Redis", "Microsoft.Extensions.Configuration", "Microsoft.Extensions.Hosting", "Microsoft.Extensions.Options",
        "OpenTelemetry.Metrics", "OpenTelemetry.Trace", "StackExchange.Redis",
    }.Select(ns => $"global using {ns};").Append("global using static CallLogClient.Tests.Docs.SnippetContext;"));

    public static TheoryData<string> MarkdownFiles => [.. FindMarkdownFiles()];

    [Fact]
    public void The_readme_and_every_docs_page_are_found()
    {
        var files = FindMarkdownFiles().ToList();
        Assert.Contains("README.md", files);
        Assert.Contains("docs/pipedrive.md", files);
        Assert.Contains("docs/close.md", files);
        Assert.Contains("src/CallLogClient.Testing/README.md", files);
        Assert.True(Snippets("README.md").Count >= 5);
    }

    [Theory]
    [MemberData(nameof(MarkdownFiles))]
    public void Every_csharp_snippet_compiles_against_the_packages(string markdownFile)
    {
        var snippets = Snippets(markdownFile);
        var errors = Compile(snippets);
        Assert.True(errors.Count == 0, string.Join('\n', errors));
    }

    [Fact]
    public void A_snippet_that_does_not_compile_is_reported_at_its_markdown_line()
    {
        var markdown = "# Page\n\n```csharp\nvar log = await pipedrive.GetAsync(\"1\");\nConsole.WriteLine(log.NoSuchProperty);\n```\n";

        var errors = Compile(ParseSnippets("page.md", markdown));

        var error = Assert.Single(errors);
        Assert.StartsWith("page.md(5,", error, StringComparison.Ordinal);
        Assert.Contains("CS1061", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Statements_usings_and_types_of_one_snippet_compile_together()
    {
        var markdown = "```cs\nusing System.Globalization;\n\nvar text = Helper.Twice(apiToken);\nConsole.WriteLine(text.ToString(CultureInfo.InvariantCulture));\n\nstatic class Helper { public static string Twice(string s) => s + s; }\n```\n";

        Assert.Empty(Compile(ParseSnippets("page.md", markdown)));
    }

    private static IEnumerable<string> FindMarkdownFiles()
    {
        var root = PackageCompilation.RepositoryRoot;
        var files = new[] { Path.Combine(root, "README.md") }
            .Concat(Directory.EnumerateFiles(Path.Combine(root, "docs"), "*.md", SearchOption.AllDirectories))
            .Concat(Directory.EnumerateFiles(Path.Combine(root, "src"), "README.md", SearchOption.AllDirectories));
        return files.Select(file => Path.GetRelativePath(root, file).Replace('\\', '/')).Order(StringComparer.Ordinal);
    }

    private static List<Snippet> Snippets(string markdownFile) =>
        ParseSnippets(markdownFile, File.ReadAllText(Path.Combine(PackageCompilation.RepositoryRoot, markdownFile)));

    private static List<Snippet> ParseSnippets(string file, string markdown)
    {
        var snippets = new List<Snippet>();
        var lines = markdown.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (!CSharpFences.Contains(lines[i].Trim(), StringComparer.OrdinalIgnoreCase))
            {
                continue;
            }

            var start = i + 1;
            var end = start;
            while (end < lines.Length && !lines[end].TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                end++;
            }

            snippets.Add(new Snippet(file, start + 1, string.Join('\n', lines[start..end])));
            i = end;
        }

        return snippets;
    }

    /// <summary>Compiles the snippets in one compilation, each in a namespace of its own; returns the errors.</summary>
    private static List<string> Compile(IReadOnlyList<Snippet> snippets)
    {
        var options = new CSharpParseOptions(LanguageVersion.Latest);
        var trees = new List<SyntaxTree> { CSharpSyntaxTree.ParseText(Prelude, options, path: "prelude.cs") };
        trees.AddRange(snippets.Select((snippet, index) => CSharpSyntaxTree.ParseText(Wrap(snippet, index, options), options, path: $"snippet{index}.cs", encoding: Encoding.UTF8)));

        var compilation = CSharpCompilation.Create(
            "DocSnippets",
            trees,
            PackageCompilation.References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        return [.. compilation.GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .Select(d =>
            {
                var span = d.Location.GetMappedLineSpan();
                return $"{span.Path}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1}): {d.Id}: {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}";
            })];
    }

    /// <summary>
    /// usings first, then <c>namespace Snippet_N</c> holding an async method with the top-level statements and the
    /// snippet's own types, each piece under a <c>#line</c> that points at the markdown.
    /// </summary>
    private static string Wrap(Snippet snippet, int index, CSharpParseOptions options)
    {
        var unit = (CompilationUnitSyntax)CSharpSyntaxTree.ParseText(snippet.Code, options).GetRoot();
        var text = new StringBuilder();

        string At(SyntaxNode node) =>
            $"#line {snippet.FirstLine + node.GetLocation().GetLineSpan().StartLinePosition.Line} \"{snippet.File}\"\n{node.ToFullString().Trim('\n', '\r')}\n#line default\n";

        foreach (var directive in unit.Usings)
        {
            text.Append(At(directive));
        }

        text.Append("namespace Snippets.Snippet").Append(index).Append("\n{\n");
        text.Append("internal static class Body\n{\n#pragma warning disable CS1998\ninternal static async System.Threading.Tasks.Task RunAsync()\n{\n");
        foreach (var statement in unit.Members.OfType<GlobalStatementSyntax>())
        {
            text.Append(At(statement));
        }

        text.Append("}\n}\n");
        foreach (var member in unit.Members.Where(member => member is not GlobalStatementSyntax))
        {
            text.Append(At(member));
        }

        text.Append("}\n");
        return text.ToString();
    }

    private sealed record Snippet(string File, int FirstLine, string Code);
}
