using System.Text.Json.Serialization;
using CallLogClient.Serialization;

namespace CallLogClient.Pipedrive;

/// <summary>
/// The outcome of a Pipedrive call. The six documented values are static members; a value Pipedrive adds later is
/// read without error and keeps its raw text (<see cref="IsKnown"/> is then <see langword="false"/>).
/// </summary>
[JsonConverter(typeof(ExtensibleEnumConverter<PipedriveCallOutcome>))]
public readonly struct PipedriveCallOutcome : IEquatable<PipedriveCallOutcome>, IExtensibleEnum<PipedriveCallOutcome>
{
    private static readonly string[] Known = ["connected", "no_answer", "left_message", "left_voicemail", "wrong_number", "busy"];

    /// <summary>Wraps a raw outcome value.</summary>
    /// <param name="value">The value as Pipedrive spells it, e.g. <c>connected</c>.</param>
    public PipedriveCallOutcome(string value)
        : this(value, validate: true)
    {
    }

    /// <summary>Unvalidated for the server's values: even an empty string is kept, so that reading never throws.</summary>
    private PipedriveCallOutcome(string value, bool validate) =>
        Value = validate ? ExtensibleEnum.RequireValue(value, nameof(value)) : value;

    /// <summary>The call was answered.</summary>
    public static PipedriveCallOutcome Connected { get; } = new("connected");

    /// <summary>Nobody answered.</summary>
    public static PipedriveCallOutcome NoAnswer { get; } = new("no_answer");

    /// <summary>A message was left with a person.</summary>
    public static PipedriveCallOutcome LeftMessage { get; } = new("left_message");

    /// <summary>A voicemail was left.</summary>
    public static PipedriveCallOutcome LeftVoicemail { get; } = new("left_voicemail");

    /// <summary>The number was wrong.</summary>
    public static PipedriveCallOutcome WrongNumber { get; } = new("wrong_number");

    /// <summary>The line was busy.</summary>
    public static PipedriveCallOutcome Busy { get; } = new("busy");

    /// <summary>The raw value; <see langword="null"/> only for <c>default</c>.</summary>
    public string? Value { get; }

    /// <summary><see langword="true"/> when the value is one of the documented outcomes.</summary>
    public bool IsKnown => ExtensibleEnum.IsOneOf(Value, Known);

    static PipedriveCallOutcome IExtensibleEnum<PipedriveCallOutcome>.FromValue(string value) => new(value, validate: false);

    /// <summary>Wraps a raw value.</summary>
    /// <param name="value">The value as Pipedrive spells it.</param>
    public static implicit operator PipedriveCallOutcome(string value) => new(value);

    /// <summary>Compares two outcomes, ignoring case.</summary>
    /// <param name="left">The first outcome.</param>
    /// <param name="right">The second outcome.</param>
    public static bool operator ==(PipedriveCallOutcome left, PipedriveCallOutcome right) => left.Equals(right);

    /// <summary>Compares two outcomes, ignoring case.</summary>
    /// <param name="left">The first outcome.</param>
    /// <param name="right">The second outcome.</param>
    public static bool operator !=(PipedriveCallOutcome left, PipedriveCallOutcome right) => !left.Equals(right);

    /// <inheritdoc/>
    public bool Equals(PipedriveCallOutcome other) => ExtensibleEnum.Equals(Value, other.Value);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is PipedriveCallOutcome other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => ExtensibleEnum.GetHashCode(Value);

    /// <summary>The raw value.</summary>
    /// <returns>The value as Pipedrive spells it, or an empty string for <c>default</c>.</returns>
    public override string ToString() => Value ?? "";
}
