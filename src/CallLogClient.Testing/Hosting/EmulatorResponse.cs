using System.Text.Json.Nodes;

namespace CallLogClient.Testing;

/// <summary>What a provider's emulation answers to one request.</summary>
internal sealed record EmulatorResponse(int Status, JsonNode? Body)
{
    public List<KeyValuePair<string, string>> Headers { get; } = [];

    public EmulatorResponse WithHeader(string name, string value)
    {
        Headers.Add(new(name, value));
        return this;
    }
}

/// <summary>One request, handed to a provider's emulation after the emulator checked faults, credential and rate.</summary>
internal sealed record EmulatorRequest(string Method, string Path, IQueryCollection Query, byte[] Body, HttpRequest Http)
{
    /// <summary>The body as a JSON object, or <see langword="null"/> when it is empty or not an object.</summary>
    public JsonObject? JsonBody()
    {
        try
        {
            return Body.Length == 0 ? null : JsonNode.Parse(Body) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
