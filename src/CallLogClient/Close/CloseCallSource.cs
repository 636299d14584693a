using System.Text.Json.Serialization;
using CallLogClient.Serialization;

namespace CallLogClient.Close;

/// <summary>
/// Where a Close call activity came from (<c>source</c>): Close's own telephony or an external system.
/// The documented values are static members; a value Close adds later is read without error and keeps its raw
/// text (<see cref="IsKnown"/> is then <see langword="false"/>).
/// </summary>
[JsonConverter(typeof(ExtensibleEnumConverter<CloseCallSource>))]
public readonly struct CloseCallSource : IEquatable<CloseCallSource>, IExtensibleEnum<CloseCallSource>
{
    private static readonly string[] Known = ["Close.io", "External"];

    /// <summary>Wraps a raw source value.</summary>
    /// <param name="value">The value as Close spells it, e.g. <c>External</c>.</param>
    public CloseCallSource(string value)
        : this(value, validate: true)
    {
    }

    /// <summary>Unvalidated for the server's values: even an empty string is kept, so that reading never throws.</summary>
    private CloseCallSource(string value, bool validate) =>
        Value = validate ? ExtensibleEnum.RequireValue(value, nameof(value)) : value;

    /// <summary><c>Close.io</c>: Made with Close's built-in telephony (the value keeps Close's old name, dot included).</summary>
    public static CloseCallSource CloseIo { get; } = new("Close.io");

    /// <summary><c>External</c>: Logged through the API for a call made elsewhere.</summary>
    public static CloseCallSource External { get; } = new("External");

    /// <summary>The raw value; <see langword="null"/> only for <c>default</c>.</summary>
    public string? Value { get; }

    /// <summary><see langword="true"/> when the value is one of the documented values.</summary>
    public bool IsKnown => ExtensibleEnum.IsOneOf(Value, Known);

    static CloseCallSource IExtensibleEnum<CloseCallSource>.FromValue(string value) => new(value, validate: false);

    /// <summary>Wraps a raw value.</summary>
    /// <param name="value">The value as Close spells it.</param>
    public static implicit operator CloseCallSource(string value) => new(value);

    /// <summary>Compares two values, ignoring case.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    public static bool operator ==(CloseCallSource left, CloseCallSource right) => left.Equals(right);

    /// <summary>Compares two values, ignoring case.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    public static bool operator !=(CloseCallSource left, CloseCallSource right) => !left.Equals(right);

    /// <inheritdoc/>
    public bool Equals(CloseCallSource other) => ExtensibleEnum.Equals(Value, other.Value);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is CloseCallSource other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => ExtensibleEnum.GetHashCode(Value);

    /// <summary>The raw value.</summary>
    /// <returns>The value as Close spells it, or an empty string for <c>default</c>.</returns>
    public override string ToString() => Value ?? "";
}
