using System.Text.Json;
using System.Text.Json.Serialization;
using CallLogClient.Close.Serialization;

namespace CallLogClient.Close.Models;

/// <summary>One stretch of speech in a <see cref="CloseTranscript"/>.</summary>
public sealed class CloseTranscriptUtterance
{
    /// <summary>Who spoke, as Close labels them (a name such as <c>Jane User</c>).</summary>
    public string? SpeakerLabel { get; set; }

    /// <summary>Which side spoke: the contact or the Close user.</summary>
    [JsonConverter(typeof(CloseOptionalEnumConverter<CloseTranscriptSpeakerSide>))]
    public CloseTranscriptSpeakerSide? SpeakerSide { get; set; }

    /// <summary>When the utterance starts, from the start of the recording (fractional seconds on the wire).</summary>
    [JsonConverter(typeof(CloseSecondsConverter))]
    public TimeSpan? Start { get; set; }

    /// <summary>When the utterance ends, from the start of the recording.</summary>
    [JsonConverter(typeof(CloseSecondsConverter))]
    public TimeSpan? End { get; set; }

    /// <summary>What was said.</summary>
    public string? Text { get; set; }

    /// <summary>Fields the API sent that this type does not know, kept unchanged.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
