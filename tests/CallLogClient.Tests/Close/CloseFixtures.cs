using System.Text.Json;
using CallLogClient.Close;
using CallLogClient.Close.Models;

namespace CallLogClient.Tests.Close;

/// <summary>The Close reference example payloads, copied under Fixtures/close and next to the test assembly.</summary>
internal static class CloseFixtures
{
    /// <summary>Every example holding one call activity.</summary>
    public static readonly string[] CallFiles =
    [
        "call-object.json",
        "create-response.json",
        "update-response.json",
        "observed-create-response-closex.json",
    ];

    /// <summary>Every example holding a list response.</summary>
    public static readonly string[] ListFiles = ["list-response.json", "observed-list-response-closex.json"];

    public static string Read(string fileName) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "close", fileName));

    public static CloseCallActivity Call(string json) =>
        JsonSerializer.Deserialize(json, CloseJsonContext.Default.CloseCallActivity)!;

    public static CloseListResponse List(string json) =>
        JsonSerializer.Deserialize(json, CloseJsonContext.Default.CloseListResponse)!;
}
