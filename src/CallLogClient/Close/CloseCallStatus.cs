using System.Text.Json.Serialization;
using CallLogClient.Serialization;

namespace CallLogClient.Close;

/// <summary>
/// The state of a Close call (<c>status</c>). A call logged through the API is <see cref="Completed"/> unless told otherwise.
/// The documented values are static members; a value Close adds later is read without error and keeps its raw
/// text (<see cref="IsKnown"/> is then <see langword="false"/>).
/// </summary>
[JsonConverter(typeof(ExtensibleEnumConverter<CloseCallStatus>))]
public readonly struct CloseCallStatus : IEquatable<CloseCallStatus>, IExtensibleEnum<CloseCallStatus>
{
    private static readonly string[] Known = ["created", "in-progress", "completed", "cancel", "no-answer", "busy", "failed", "timeout"];

    /// <summary>Wraps a raw status value.</summary>
    /// <param name="value">The value as Close spells it, e.g. <c>completed</c>.</param>
    public CloseCallStatus(string value)
        : this(value, validate: true)
    {
    }

    /// <summary>Unvalidated for the server's values: even an empty string is kept, so that reading never throws.</summary>
    private CloseCallStatus(string value, bool validate) =>
        Value = validate ? ExtensibleEnum.RequireValue(value, nameof(value)) : value;

    /// <summary><c>created</c>: The call was created but has not started.</summary>
    public static CloseCallStatus Created { get; } = new("created");

    /// <summary><c>in-progress</c>: The call is going on.</summary>
    public static CloseCallStatus InProgress { get; } = new("in-progress");

    /// <summary><c>completed</c>: The call is over.</summary>
    public static CloseCallStatus Completed { get; } = new("completed");

    /// <summary><c>cancel</c>: The call was cancelled.</summary>
    public static CloseCallStatus Cancel { get; } = new("cancel");

    /// <summary><c>no-answer</c>: Nobody answered.</summary>
    public static CloseCallStatus NoAnswer { get; } = new("no-answer");

    /// <summary><c>busy</c>: The line was busy.</summary>
    public static CloseCallStatus Busy { get; } = new("busy");

    /// <summary><c>failed</c>: The call failed.</summary>
    public static CloseCallStatus Failed { get; } = new("failed");

    /// <summary><c>timeout</c>: The call timed out.</summary>
    public static CloseCallStatus Timeout { get; } = new("timeout");

    /// <summary>The raw value; <see langword="null"/> only for <c>default</c>.</summary>
    public string? Value { get; }

    /// <summary><see langword="true"/> when the value is one of the documented values.</summary>
    public bool IsKnown => ExtensibleEnum.IsOneOf(Value, Known);

    static CloseCallStatus IExtensibleEnum<CloseCallStatus>.FromValue(string value) => new(value, validate: false);

    /// <summary>Wraps a raw value.</summary>
    /// <param name="value">The value as Close spells it.</param>
    public static implicit operator CloseCallStatus(string value) => new(value);

    /// <summary>Compares two values, ignoring case.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    public static bool operator ==(CloseCallStatus left, CloseCallStatus right) => left.Equals(right);

    /// <summary>Compares two values, ignoring case.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    public static bool operator !=(CloseCallStatus left, CloseCallStatus right) => !left.Equals(right);

    /// <inheritdoc/>
    public bool Equals(CloseCallStatus other) => ExtensibleEnum.Equals(Value, other.Value);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is CloseCallStatus other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => ExtensibleEnum.GetHashCode(Value);

    /// <summary>The raw value.</summary>
    /// <returns>The value as Close spells it, or an empty string for <c>default</c>.</returns>
    public override string ToString() => Value ?? "";
}
