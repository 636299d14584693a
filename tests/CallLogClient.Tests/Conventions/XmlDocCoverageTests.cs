using System.Reflection;
using System.Xml.Linq;
using CallLogClient.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CallLogClient.Tests.Conventions;

/// <summary>
/// The XML documentation file each package ships covers every public type and member (CS1591 already fails the
/// build; this proves the file in the package says so too, and catches a blanket NoWarn).
/// </summary>
public sealed class XmlDocCoverageTests
{
    public static TheoryData<string> PackageAssemblies => [.. SurfaceTypes.Packages.Select(assembly => assembly.GetName().Name!)];

    [Theory]
    [MemberData(nameof(PackageAssemblies))]
    public void Every_public_type_and_member_has_xml_docs(string assemblyName)
    {
        var assembly = SurfaceTypes.Packages.Single(a => a.GetName().Name == assemblyName);
        var documented = DocumentedIds(assembly);
        var visible = VisibleSymbolIds(assembly).ToList();

        Assert.True(visible.Count > 50, $"only {visible.Count} public symbols found in {assemblyName}");
        var undocumented = visible.Where(id => !documented.Contains(id)).ToList();
        Assert.Empty(undocumented);
    }

    [Fact]
    public void The_walk_finds_members_of_every_kind()
    {
        var ids = VisibleSymbolIds(SurfaceTypes.Library).ToHashSet();
        Assert.Contains("T:CallLogClient.Errors.CallLogApiException", ids);
        Assert.Contains("M:CallLogClient.Errors.CallLogApiException.#ctor(CallLogClient.Errors.CallLogErrorDetails,System.String,System.Exception)", ids); // protected
        Assert.Contains("P:CallLogClient.Pipedrive.PipedriveCallOutcome.IsKnown", ids);
        Assert.Contains("F:CallLogClient.CallLogProvider.Close", ids);
        Assert.Contains(ids, id => id.StartsWith("M:CallLogClient.Pipedrive.IPipedriveCallLogsClient.ListAllAsync(", StringComparison.Ordinal));
        Assert.Contains(ids, id => id.StartsWith("M:CallLogClient.Pipedrive.PipedriveCallOutcome.op_Implicit(", StringComparison.Ordinal));
    }

    private static HashSet<string> DocumentedIds(Assembly assembly)
    {
        var file = Path.ChangeExtension(assembly.Location, ".xml");
        Assert.True(File.Exists(file), $"no XML documentation file beside {assembly.Location}");
        return XDocument.Load(file).Descendants("member")
            .Select(member => (string?)member.Attribute("name"))
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);
    }

    private static IEnumerable<string> VisibleSymbolIds(Assembly assembly)
    {
        var reference = PackageCompilation.References.Single(r => string.Equals(Path.GetFileName(r.FilePath), Path.GetFileName(assembly.Location), StringComparison.Ordinal));
        var compilation = CSharpCompilation.Create("DocCoverage", references: PackageCompilation.References);
        var symbol = (IAssemblySymbol)compilation.GetAssemblyOrModuleSymbol(reference)!;
        return Types(symbol.GlobalNamespace)
            .SelectMany(type => new ISymbol[] { type }.Concat(type.GetMembers().Where(member => IsVisible(member, type) && NeedsDocs(member, type))))
            .Select(s => s.GetDocumentationCommentId())
            .OfType<string>()
            .Distinct();
    }

    private static IEnumerable<INamedTypeSymbol> Types(INamespaceSymbol ns) =>
        ns.GetNamespaceMembers().SelectMany(Types)
            .Concat(ns.GetTypeMembers().Where(type => type.DeclaredAccessibility == Accessibility.Public).SelectMany(Nested));

    private static IEnumerable<INamedTypeSymbol> Nested(INamedTypeSymbol type) =>
        new[] { type }.Concat(type.GetTypeMembers().Where(nested => IsVisible(nested, type)).SelectMany(Nested));

    private static bool IsVisible(ISymbol member, INamedTypeSymbol owner) => member.DeclaredAccessibility switch
    {
        Accessibility.Public => true,
        Accessibility.Protected or Accessibility.ProtectedOrInternal => !owner.IsSealed,
        _ => false,
    };

    private static bool NeedsDocs(ISymbol member, INamedTypeSymbol owner)
    {
        if (member.IsImplicitlyDeclared || member is INamedTypeSymbol)
        {
            return false;
        }

        if (member is IMethodSymbol method)
        {
            // Accessors are documented through their property or event; a record's synthesized members carry
            // [CompilerGenerated] and need none (the compiler asks for none either).
            if (method.AssociatedSymbol is not null || method.MethodKind is MethodKind.PropertyGet or MethodKind.PropertySet
                    or MethodKind.EventAdd or MethodKind.EventRemove)
            {
                return false;
            }

            // The compiler's default constructor looks like a written one in metadata; it needs no docs, and an
            // undocumented written one already fails the build (CS1591).
            if (method.MethodKind == MethodKind.Constructor && method.Parameters.Length == 0 && !method.IsStatic)
            {
                return false;
            }

            if (owner.IsRecord && method.MethodKind == MethodKind.Constructor && method.Parameters.Length == 1
                && SymbolEqualityComparer.Default.Equals(method.Parameters[0].Type, owner))
            {
                return false; // the record's copy constructor
            }
        }

        return !member.GetAttributes().Any(a => a.AttributeClass?.Name == "CompilerGeneratedAttribute");
    }
}
