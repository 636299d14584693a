using System.Runtime.CompilerServices;

namespace CallLogClient.Http;

/// <summary>An id placed in a URL path, checked before anything is sent; the Refit client escapes it.</summary>
internal static class PathSegment
{
    public static void Validate(string id, [CallerArgumentExpression(nameof(id))] string? paramName = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id, paramName);
        if (id is "." or "..")
        {
            // Escaping leaves dots alone, and the URI would resolve them to another path (.. → the collection's parent).
            throw new ArgumentException("An id cannot be '.' or '..'.", paramName);
        }
    }
}
