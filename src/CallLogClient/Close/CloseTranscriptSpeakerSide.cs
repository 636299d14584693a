using System.Text.Json.Serialization;
using CallLogClient.Serialization;

namespace CallLogClient.Close;

/// <summary>
/// Who spoke an utterance of a Close transcript (<c>speaker_side</c>).
/// The documented values are static members; a value Close adds later is read without error and keeps its raw
/// text (<see cref="IsKnown"/> is then <see langword="false"/>).
/// </summary>
[JsonConverter(typeof(ExtensibleEnumConverter<CloseTranscriptSpeakerSide>))]
public readonly struct CloseTranscriptSpeakerSide : IEquatable<CloseTranscriptSpeakerSide>, IExtensibleEnum<CloseTranscriptSpeakerSide>
{
    private static readonly string[] Known = ["contact", "close-user"];

    /// <summary>Wraps a raw speaker side value.</summary>
    /// <param name="value">The value as Close spells it, e.g. <c>contact</c>.</param>
    public CloseTranscriptSpeakerSide(string value)
        : this(value, validate: true)
    {
    }

    /// <summary>Unvalidated for the server's values: even an empty string is kept, so that reading never throws.</summary>
    private CloseTranscriptSpeakerSide(string value, bool validate) =>
        Value = validate ? ExtensibleEnum.RequireValue(value, nameof(value)) : value;

    /// <summary><c>contact</c>: The contact (the other party).</summary>
    public static CloseTranscriptSpeakerSide Contact { get; } = new("contact");

    /// <summary><c>close-user</c>: The Close user.</summary>
    public static CloseTranscriptSpeakerSide CloseUser { get; } = new("close-user");

    /// <summary>The raw value; <see langword="null"/> only for <c>default</c>.</summary>
    public string? Value { get; }

    /// <summary><see langword="true"/> when the value is one of the documented values.</summary>
    public bool IsKnown => ExtensibleEnum.IsOneOf(Value, Known);

    static CloseTranscriptSpeakerSide IExtensibleEnum<CloseTranscriptSpeakerSide>.FromValue(string value) => new(value, validate: false);

    /// <summary>Wraps a raw value.</summary>
    /// <param name="value">The value as Close spells it.</param>
    public static implicit operator CloseTranscriptSpeakerSide(string value) => new(value);

    /// <summary>Compares two values, ignoring case.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    public static bool operator ==(CloseTranscriptSpeakerSide left, CloseTranscriptSpeakerSide right) => left.Equals(right);

    /// <summary>Compares two values, ignoring case.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    public static bool operator !=(CloseTranscriptSpeakerSide left, CloseTranscriptSpeakerSide right) => !left.Equals(right);

    /// <inheritdoc/>
    public bool Equals(CloseTranscriptSpeakerSide other) => ExtensibleEnum.Equals(Value, other.Value);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is CloseTranscriptSpeakerSide other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => ExtensibleEnum.GetHashCode(Value);

    /// <summary>The raw value.</summary>
    /// <returns>The value as Close spells it, or an empty string for <c>default</c>.</returns>
    public override string ToString() => Value ?? "";
}
