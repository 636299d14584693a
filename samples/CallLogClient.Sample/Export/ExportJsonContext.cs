using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CallLogClient.Sample.Export;

/// <summary>
/// Source-generated JSON for the export (no reflection: the sample is published with Native AOT). <c>Default</c>
/// writes checkpoints, indented; <see cref="Files"/> writes JSON Lines rows, one line each, with <c>+</c> and
/// non-ASCII text left readable.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true)]
[JsonSerializable(typeof(ExportCheckpoint))]
[JsonSerializable(typeof(PipedriveExportRow))]
[JsonSerializable(typeof(CloseExportRow))]
internal sealed partial class ExportJsonContext : JsonSerializerContext
{
    public static ExportJsonContext Files { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
