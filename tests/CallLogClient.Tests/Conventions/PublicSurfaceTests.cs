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

    private static IEnumerable<MethodInfo> PublicMethods => SurfaceTypes.Packages.SelectMany(SurfaceTypes.PublicTypes)
        .SelectMany(type => SurfaceTypes.VisibleMembers(type).OfType<MethodInfo>())
        // IAsyncDisposable.DisposeAsync() has its shape fixed by the interface.
        .Where(method => !(method.Name == nameof(IAsyncDisposable.DisposeAsync) && method.GetParameters().Length == 0
            && typeof(IAsyncDisposable).IsAssignableFrom(method.DeclaringType)));

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
    public void No_public_signature_exposes_refit_polly_live_http_messages_or_serializer_machinery()
    {
        var offenders = new List<string>();
        foreach (var type in SurfaceTypes.Packages.SelectMany(SurfaceTypes.PublicTypes))
        {
            var inherited = new[] { type.BaseType }.Concat(type.GetInterfaces()).OfType<Type>().SelectMany(SurfaceTypes.Unfold);
            offenders.AddRange(inherited.Where(IsForbidden).Select(t => $"{type.FullName} : {t.FullName}"));
            foreach (var member in SurfaceTypes.VisibleMembers(type))
            {
                offenders.AddRange(SurfaceTypes.SignatureTypes(member).Where(IsForbidden).Select(t => $"{type.FullName}.{member.Name}: {t.FullName}"));
            }
        }

        Assert.Empty(offenders.Distinct());
    }

    [Fact]
    public void The_refit_interfaces_stay_internal()
    {
        var refitInterfaces = Library.GetTypes()
            .Where(type => type.IsInterface && type.GetMethods().Any(m => m.GetCustomAttributes().Any(a => a.GetType().Namespace == "Refit")))
            .ToList();
        Assert.Contains(refitInterfaces, type => type.Name == "IPipedriveCallLogsApi");
        Assert.Contains(refitInterfaces, type => type.Name == "ICloseCallActivitiesApi");
        Assert.All(refitInterfaces, type => Assert.False(type.IsVisible, $"{type.FullName} is public"));
    }

    [Theory]
    [InlineData(typeof(HttpRequestMessage))]
    [InlineData(typeof(System.Text.Json.JsonSerializerOptions))]
    [InlineData(typeof(System.Text.Json.Serialization.Metadata.JsonTypeInfo<int>))]
    [InlineData(typeof(Task<HttpResponseMessage>))]
    [InlineData(typeof(Refit.IApiResponse))]
    [InlineData(typeof(Polly.ResiliencePipeline))]
    public void The_signature_rule_catches_each_forbidden_kind(Type exposed) =>
        Assert.Contains(SurfaceTypes.Unfold(exposed), IsForbidden);

    [Theory]
    [InlineData(typeof(IDictionary<string, JsonElement>))]
    [InlineData(typeof(IReadOnlyDictionary<string, System.Text.Json.Nodes.JsonNode?>))]
    [InlineData(typeof(Microsoft.Extensions.DependencyInjection.IHttpClientBuilder))]
    public void Json_data_types_and_the_http_client_builder_may_appear(Type exposed) =>
        Assert.DoesNotContain(SurfaceTypes.Unfold(exposed), IsForbidden);

    private static bool IsForbidden(Type type)
    {
        if (type.HasElementType)
        {
            return false; // an array, pointer or ref: its element type is checked on its own
        }

        var ns = type.Namespace ?? string.Empty;
        return typeof(HttpRequestMessage).IsAssignableFrom(type)
            || typeof(HttpResponseMessage).IsAssignableFrom(type)
            || typeof(System.Net.Http.Headers.HttpHeaders).IsAssignableFrom(type)
            || ns == "Refit" || ns.StartsWith("Refit.", StringComparison.Ordinal)
            || ns == "Polly" || ns.StartsWith("Polly.", StringComparison.Ordinal)
            // System.Text.Json's data types (JsonElement, JsonNode and its kinds) are how unknown fields are kept;
            // the serializer's machinery (options, contexts, type infos, converters, readers) stays inside.
            || (ns.StartsWith("System.Text.Json", StringComparison.Ordinal)
                && type != typeof(JsonElement)
                && ns != "System.Text.Json.Nodes");
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
