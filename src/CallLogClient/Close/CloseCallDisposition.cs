using System.Text.Json.Serialization;
using CallLogClient.Serialization;

namespace CallLogClient.Close;

/// <summary>
/// How a Close call ended, as the telephony provider reported it (<c>disposition</c>); older and logged calls may
/// carry none.
/// The documented values are static members; a value Close adds later is read without error and keeps its raw
/// text (<see cref="IsKnown"/> is then <see langword="false"/>).
/// </summary>
[JsonConverter(typeof(ExtensibleEnumConverter<CloseCallDisposition>))]
public readonly struct CloseCallDisposition : IEquatable<CloseCallDisposition>, IExtensibleEnum<CloseCallDisposition>
{
    private static readonly string[] Known = ["answered", "no-answer", "vm-answer", "vm-left", "busy", "blocked", "error", "abandoned"];

    /// <summary>Wraps a raw disposition value.</summary>
    /// <param name="value">The value as Close spells it, e.g. <c>answered</c>.</param>
    public CloseCallDisposition(string value)
        : this(value, validate: true)
    {
    }

    /// <summary>Unvalidated for the server's values: even an empty string is kept, so that reading never throws.</summary>
    private CloseCallDisposition(string value, bool validate) =>
        Value = validate ? ExtensibleEnum.RequireValue(value, nameof(value)) : value;

    /// <summary><c>answered</c>: The call was answered.</summary>
    public static CloseCallDisposition Answered { get; } = new("answered");

    /// <summary><c>no-answer</c>: Nobody answered.</summary>
    public static CloseCallDisposition NoAnswer { get; } = new("no-answer");

    /// <summary><c>vm-answer</c>: Voicemail picked up the call.</summary>
    public static CloseCallDisposition VoicemailAnswered { get; } = new("vm-answer");

    /// <summary><c>vm-left</c>: A voicemail was left.</summary>
    public static CloseCallDisposition VoicemailLeft { get; } = new("vm-left");

    /// <summary><c>busy</c>: The line was busy.</summary>
    public static CloseCallDisposition Busy { get; } = new("busy");

    /// <summary><c>blocked</c>: The call was blocked.</summary>
    public static CloseCallDisposition Blocked { get; } = new("blocked");

    /// <summary><c>error</c>: The call failed with an error.</summary>
    public static CloseCallDisposition Error { get; } = new("error");

    /// <summary><c>abandoned</c>: The caller hung up before the call was connected.</summary>
    public static CloseCallDisposition Abandoned { get; } = new("abandoned");

    /// <summary>The raw value; <see langword="null"/> only for <c>default</c>.</summary>
    public string? Value { get; }

    /// <summary><see langword="true"/> when the value is one of the documented values.</summary>
    public bool IsKnown => ExtensibleEnum.IsOneOf(Value, Known);

    static CloseCallDisposition IExtensibleEnum<CloseCallDisposition>.FromValue(string value) => new(value, validate: false);

    /// <summary>Wraps a raw value.</summary>
    /// <param name="value">The value as Close spells it.</param>
    public static implicit operator CloseCallDisposition(string value) => new(value);

    /// <summary>Compares two values, ignoring case.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    public static bool operator ==(CloseCallDisposition left, CloseCallDisposition right) => left.Equals(right);

    /// <summary>Compares two values, ignoring case.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    public static bool operator !=(CloseCallDisposition left, CloseCallDisposition right) => !left.Equals(right);

    /// <inheritdoc/>
    public bool Equals(CloseCallDisposition other) => ExtensibleEnum.Equals(Value, other.Value);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is CloseCallDisposition other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => ExtensibleEnum.GetHashCode(Value);

    /// <summary>The raw value.</summary>
    /// <returns>The value as Close spells it, or an empty string for <c>default</c>.</returns>
    public override string ToString() => Value ?? "";
}
