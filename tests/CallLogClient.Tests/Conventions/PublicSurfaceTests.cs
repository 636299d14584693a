using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using CallLogClient.Errors;

namespace CallLogClient.Tests.Conventions;

/// <summary>Rules every public type of the package keeps, checked by reflection so a new type cannot forget them.</summary>
public sealed class PublicSurfaceTests
{
    private static readonly Assembly Library = typeof(CallLogApiException).Assembly;

    private static IEnumerable<Type> PublicTypes => Library.GetExportedTypes();

    private static IEnumerable<MethodInfo> PublicMethods => PublicTypes.SelectMany(type =>
        type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly));

    [Fact]
    public void Every_public_async_method_takes_a_cancellation_token_last()
    {
        var asyncMethods = PublicMethods.Where(IsAsync).ToList();
        Assert.NotEmpty(asyncMethods);
        var offenders = asyncMethods
            .Where(method => method.GetParameters() is not [.., { ParameterType: var last }] || last != typeof(CancellationToken))
            .Select(Describe);
        Assert.Empty(offenders);
    }

    [Fact]
    public void Every_response_model_keeps_unknown_properties()
    {
        var models = PublicTypes.Where(IsResponseModel).ToList();
        Assert.NotEmpty(models);
        var offenders = models.Where(type => !type.GetProperties().Any(property =>
                property.GetCustomAttribute<JsonExtensionDataAttribute>() is not null
                && property.PropertyType == typeof(IDictionary<string, JsonElement>)))
            .Select(type => type.FullName);
        Assert.Empty(offenders);
    }

    [Fact]
    public void Every_extensible_enum_reads_through_the_never_throwing_converter()
    {
        var enums = PublicTypes.Where(type => type.IsValueType && !type.IsEnum && type.GetProperty("IsKnown") is not null).ToList();
        Assert.NotEmpty(enums);
        var offenders = enums
            .Where(type => type.GetCustomAttribute<JsonConverterAttribute>()?.ConverterType?.Name.StartsWith("ExtensibleEnumConverter", StringComparison.Ordinal) != true)
            .Select(type => type.FullName);
        Assert.Empty(offenders);
    }

    [Fact]
    public void No_public_signature_exposes_polly_or_live_http_messages()
    {
        var forbidden = new[] { typeof(HttpRequestMessage), typeof(HttpResponseMessage), typeof(System.Net.Http.Headers.HttpHeaders) };
        var offenders = new List<string>();
        foreach (var type in PublicTypes)
        {
            var members = type.GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly);
            foreach (var member in members)
            {
                var exposed = member switch
                {
                    PropertyInfo property => [property.PropertyType],
                    FieldInfo field => [field.FieldType],
                    MethodBase method => method.GetParameters().Select(p => p.ParameterType)
                        .Concat(method is MethodInfo m ? [m.ReturnType] : []),
                    _ => Array.Empty<Type>(),
                };
                offenders.AddRange(exposed
                    .Where(t => forbidden.Any(f => f.IsAssignableFrom(t)) || (t.Namespace?.StartsWith("Polly", StringComparison.Ordinal) ?? false))
                    .Select(t => $"{type.Name}.{member.Name}: {t.Name}"));
            }
        }

        Assert.Empty(offenders);
    }

    [Fact]
    public void Models_are_classes_whose_ToString_cannot_print_their_fields()
    {
        var records = PublicTypes
            .Where(type => type.Namespace?.EndsWith(".Models", StringComparison.Ordinal) == true)
            .Where(type => type.GetMethod("<Clone>$") is not null)
            .Select(type => type.FullName);
        Assert.Empty(records);
    }

    private static bool IsAsync(MethodInfo method) =>
        typeof(Task).IsAssignableFrom(method.ReturnType)
        || method.ReturnType == typeof(ValueTask)
        || (method.ReturnType.IsGenericType && method.ReturnType.GetGenericTypeDefinition() is var definition
            && (definition == typeof(ValueTask<>) || definition == typeof(IAsyncEnumerable<>)));

    private static bool IsResponseModel(Type type) =>
        type.IsClass
        && type.Namespace?.EndsWith(".Models", StringComparison.Ordinal) == true
        && !type.Name.EndsWith("Request", StringComparison.Ordinal)
        && !type.Name.EndsWith("Query", StringComparison.Ordinal)
        && !type.Name.EndsWith("Page", StringComparison.Ordinal)
        && type.GetConstructor(Type.EmptyTypes) is not null;

    private static string Describe(MethodInfo method) => $"{method.DeclaringType?.Name}.{method.Name}";
}
