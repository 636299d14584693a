using System.Text.Json;
using System.Text.Json.Nodes;

namespace CallLogClient.Testing;

internal static class EmulatorJson
{
    /// <summary>An immutable copy of <paramref name="node"/> for callers to read.</summary>
    public static JsonElement Snapshot(JsonNode node)
    {
        using var document = JsonDocument.Parse(node.ToJsonString());
        return document.RootElement.Clone();
    }
}
