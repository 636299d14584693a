using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace CallLogClient.Tests.Conventions;

/// <summary>
/// Every extensible enum, found by reflection, reads a value the server adds later through the provider's own
/// source-generated JSON context (the path a response takes), keeps its raw text, and writes it back unchanged.
/// </summary>
public sealed class ExtensibleEnumRoundTripTests
{
    private const string UnknownValue = "added_by_the_server_later";

    public static TheoryData<string> ExtensibleEnums => [.. FindExtensibleEnums().Select(type => type.FullName!)];

    [Fact]
    public void Every_extensible_enum_of_the_package_is_found()
    {
        var names = FindExtensibleEnums().Select(type => type.Name).ToList();
        Assert.Contains("PipedriveCallOutcome", names);
        Assert.Contains("CloseCallMethod", names);
        Assert.Contains("CloseTranscriptSpeakerSide", names);
        Assert.True(names.Count >= 7, string.Join(", ", names));
    }

    [Theory]
    [MemberData(nameof(ExtensibleEnums))]
    public void An_unknown_server_value_round_trips_through_the_json_context(string enumTypeName)
    {
        var enumType = SurfaceTypes.Library.GetType(enumTypeName, throwOnError: true)!;
        var uses = ResponseProperties(enumType).ToList();
        Assert.True(uses.Count > 0, $"no response model has a {enumType.Name} property, so no response can carry one");

        foreach (var property in uses)
        {
            var typeInfo = TypeInfoFor(property.DeclaringType!);
            var jsonName = JsonNameOf(property);
            Assert.Contains(typeInfo.Properties, p => p.Name == jsonName);

            var model = JsonSerializer.Deserialize($$"""{"{{jsonName}}":"{{UnknownValue}}"}""", typeInfo);

            var value = property.GetValue(model);
            Assert.NotNull(value);
            Assert.Equal(UnknownValue, enumType.GetProperty("Value")!.GetValue(value));
            Assert.Equal(false, enumType.GetProperty("IsKnown")!.GetValue(value));
            using var written = JsonDocument.Parse(JsonSerializer.Serialize(model, typeInfo));
            Assert.Equal(UnknownValue, written.RootElement.GetProperty(jsonName).GetString());
        }
    }

    private static IEnumerable<Type> FindExtensibleEnums() =>
        SurfaceTypes.PublicTypes(SurfaceTypes.Library)
            .Where(type => type.IsValueType && !type.IsEnum && type.GetProperty("IsKnown") is not null)
            .OrderBy(type => type.FullName, StringComparer.Ordinal);

    private static IEnumerable<PropertyInfo> ResponseProperties(Type enumType) =>
        SurfaceTypes.PublicTypes(SurfaceTypes.Library)
            .Where(type => type.IsClass && type.Namespace?.EndsWith(".Models", StringComparison.Ordinal) == true)
            .Where(type => !type.Name.EndsWith("Request", StringComparison.Ordinal) && !type.Name.EndsWith("Query", StringComparison.Ordinal))
            .SelectMany(type => type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            .Where(property => (Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType) == enumType && property.CanWrite);

    private static JsonTypeInfo TypeInfoFor(Type model)
    {
        var contexts = SurfaceTypes.Library.GetTypes()
            .Where(type => typeof(JsonSerializerContext).IsAssignableFrom(type) && !type.IsAbstract)
            .Select(type => (JsonSerializerContext)type.GetProperty("Default", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!);
        return contexts.Select(context => context.GetTypeInfo(model)).FirstOrDefault(info => info is not null)
            ?? throw new InvalidOperationException($"no JSON context of the package reads {model.Name}");
    }

    private static string JsonNameOf(PropertyInfo property) =>
        property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.SnakeCaseLower.ConvertName(property.Name);
}
