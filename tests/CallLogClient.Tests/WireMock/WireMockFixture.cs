using WireMock.Server;
using WireMock.Settings;

namespace CallLogClient.Tests.WireMock;

/// <summary>One in-process WireMock.Net server on a free loopback port, shared by the tests in <see cref="WireMockCollection"/>.</summary>
public sealed class WireMockFixture : IDisposable
{
    public WireMockServer Server { get; } = WireMockServer.Start(new WireMockServerSettings
    {
        Urls = ["http://127.0.0.1:0"],
    });

    /// <summary>Root of the stubbed server, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseUri => new(Server.Url + "/");

    /// <summary>Folder of mapping files copied next to the test assembly.</summary>
    public static string MappingsDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "Mappings");

    /// <summary>Removes all mappings, clears the request log and resets all scenarios.</summary>
    public void Reset()
    {
        Server.Reset();
        Server.ResetScenarios();
    }

    /// <summary>
    /// Adds the mapping(s) in <see cref="MappingsDirectory"/>/<paramref name="relativePath"/> (one WireMock.Net mapping
    /// or an array of them); each (token, value) pair is replaced literally in the file text first.
    /// </summary>
    public void AddMappingFile(string relativePath, params (string Token, string Value)[] replacements)
    {
        var text = File.ReadAllText(Path.Combine(MappingsDirectory, relativePath));
        foreach (var (token, value) in replacements)
        {
            text = text.Replace(token, value, StringComparison.Ordinal);
        }

        Server.WithMapping(text);
    }

    public void Dispose() => Server.Dispose();
}
