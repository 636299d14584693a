using System.Text.Json.Serialization;
using CallLogClient.Serialization;

namespace CallLogClient.Close;

/// <summary>
/// The direction of a Close call (<c>direction</c>). Close emails use other words (<c>incoming</c>/<c>outgoing</c>),
/// so this type is for calls only.
/// The documented values are static members; a value Close adds later is read without error and keeps its raw
/// text (<see cref="IsKnown"/> is then <see langword="false"/>).
/// </summary>
[JsonConverter(typeof(ExtensibleEnumConverter<CloseCallDirection>))]
public readonly struct CloseCallDirection : IEquatable<CloseCallDirection>, IExtensibleEnum<CloseCallDirection>
{
    private static readonly string[] Known = ["inbound", "outbound"];

    /// <summary>Wraps a raw direction value.</summary>
    /// <param name="value">The value as Close spells it, e.g. <c>outbound</c>.</param>
    public CloseCallDirection(string value)
        : this(value, validate: true)
    {
    }

    /// <summary>Unvalidated for the server's values: even an empty string is kept, so that reading never throws.</summary>
    private CloseCallDirection(string value, bool validate) =>
        Value = validate ? ExtensibleEnum.RequireValue(value, nameof(value)) : value;

    /// <summary><c>inbound</c>: The contact called.</summary>
    public static CloseCallDirection Inbound { get; } = new("inbound");

    /// <summary><c>outbound</c>: The user called.</summary>
    public static CloseCallDirection Outbound { get; } = new("outbound");

    /// <summary>The raw value; <see langword="null"/> only for <c>default</c>.</summary>
    public string? Value { get; }

    /// <summary><see langword="true"/> when the value is one of the documented values.</summary>
    public bool IsKnown => ExtensibleEnum.IsOneOf(Value, Known);

    static CloseCallDirection IExtensibleEnum<CloseCallDirection>.FromValue(string value) => new(value, validate: false);

    /// <summary>Wraps a raw value.</summary>
    /// <param name="value">The value as Close spells it.</param>
    public static implicit operator CloseCallDirection(string value) => new(value);

    /// <summary>Compares two values, ignoring case.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    public static bool operator ==(CloseCallDirection left, CloseCallDirection right) => left.Equals(right);

    /// <summary>Compares two values, ignoring case.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    public static bool operator !=(CloseCallDirection left, CloseCallDirection right) => !left.Equals(right);

    /// <inheritdoc/>
    public bool Equals(CloseCallDirection other) => ExtensibleEnum.Equals(Value, other.Value);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is CloseCallDirection other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => ExtensibleEnum.GetHashCode(Value);

    /// <summary>The raw value.</summary>
    /// <returns>The value as Close spells it, or an empty string for <c>default</c>.</returns>
    public override string ToString() => Value ?? "";
}
