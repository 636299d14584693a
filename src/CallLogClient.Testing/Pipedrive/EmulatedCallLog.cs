using System.Text.Json;

namespace CallLogClient.Testing.Pipedrive;

/// <summary>A call log the Pipedrive emulation holds, as its API would return it, and its recording if one was attached.</summary>
/// <param name="Id">The call log's id.</param>
/// <param name="Data">The call log object (<c>data</c> of a get).</param>
/// <param name="Recording">The uploaded audio, or <see langword="null"/>.</param>
/// <param name="RecordingContentType">The audio part's content type, or <see langword="null"/>.</param>
/// <param name="RecordingFileName">The audio part's file name, or <see langword="null"/>.</param>
public sealed record EmulatedCallLog(
    string Id, JsonElement Data, ReadOnlyMemory<byte>? Recording, string? RecordingContentType, string? RecordingFileName);
