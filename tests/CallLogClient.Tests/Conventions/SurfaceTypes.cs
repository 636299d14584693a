using System.Reflection;
using CallLogClient.Errors;
using CallLogClient.Testing;

namespace CallLogClient.Tests.Conventions;

/// <summary>The two packages' public types and members, as the convention tests walk them.</summary>
internal static class SurfaceTypes
{
    public const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    public static Assembly Library { get; } = typeof(CallLogApiException).Assembly;

    public static Assembly Emulator { get; } = typeof(CallLogEmulator).Assembly;

    public static IEnumerable<Assembly> Packages => [Library, Emulator];

    public static IEnumerable<Type> PublicTypes(Assembly assembly) => assembly.GetExportedTypes();

    /// <summary>Members a user of the package can see: public, or protected on a type they can derive from.</summary>
    public static IEnumerable<MemberInfo> VisibleMembers(Type type) =>
        type.GetMembers(Declared).Where(member => member switch
        {
            MethodBase method => method.IsPublic || ((method.IsFamily || method.IsFamilyOrAssembly) && !type.IsSealed),
            FieldInfo field => field.IsPublic || ((field.IsFamily || field.IsFamilyOrAssembly) && !type.IsSealed),
            PropertyInfo property => property.GetAccessors(nonPublic: true).Any(a => a.IsPublic || ((a.IsFamily || a.IsFamilyOrAssembly) && !type.IsSealed)),
            EventInfo @event => @event.AddMethod?.IsPublic == true,
            Type nested => nested.IsNestedPublic,
            _ => false,
        });

    /// <summary>Every type a member shows in its signature, generic arguments and element types included.</summary>
    public static IEnumerable<Type> SignatureTypes(MemberInfo member)
    {
        IEnumerable<Type> direct = member switch
        {
            PropertyInfo property => [property.PropertyType],
            FieldInfo field => [field.FieldType],
            EventInfo @event => @event.EventHandlerType is { } handler ? [handler] : [],
            MethodBase method => method.GetParameters().Select(p => p.ParameterType).Concat(method is MethodInfo m ? [m.ReturnType] : []),
            _ => [],
        };
        return direct.SelectMany(Unfold);
    }

    /// <summary>A type with its element type and generic arguments, recursively.</summary>
    public static IEnumerable<Type> Unfold(Type type)
    {
        yield return type;
        if (type.HasElementType && type.GetElementType() is { } element)
        {
            foreach (var inner in Unfold(element))
            {
                yield return inner;
            }
        }

        if (type.IsGenericType && !type.IsGenericTypeDefinition)
        {
            foreach (var inner in type.GetGenericArguments().SelectMany(Unfold))
            {
                yield return inner;
            }
        }
    }
}
