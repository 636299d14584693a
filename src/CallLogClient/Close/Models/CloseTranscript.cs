using System.Text.Json;
using System.Text.Json.Serialization;

namespace CallLogClient.Close.Models;

/// <summary>
/// The transcript of a call recording or voicemail (<c>recording_transcript</c>, <c>voicemail_transcript</c>). Close
/// returns it only when the request names it in <c>_fields</c>.
/// </summary>
public sealed class CloseTranscript
{
    /// <summary>What was said, in order.</summary>
    public IReadOnlyList<CloseTranscriptUtterance>? Utterances { get; set; }

    /// <summary>Close's summary of the call as plain text.</summary>
    public string? SummaryText { get; set; }

    /// <summary>The same summary as HTML.</summary>
    public string? SummaryHtml { get; set; }

    /// <summary>Fields the API sent that this type does not know, kept unchanged.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
