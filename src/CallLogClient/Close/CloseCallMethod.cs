using System.Text.Json.Serialization;
using CallLogClient.Serialization;

namespace CallLogClient.Close;

/// <summary>
/// How a Close call was placed (<c>call_method</c>). Close documents regular, power and predictive; logged calls
/// carry the undocumented <c>external</c>.
/// The documented values are static members; a value Close adds later is read without error and keeps its raw
/// text (<see cref="IsKnown"/> is then <see langword="false"/>).
/// </summary>
[JsonConverter(typeof(ExtensibleEnumConverter<CloseCallMethod>))]
public readonly struct CloseCallMethod : IEquatable<CloseCallMethod>, IExtensibleEnum<CloseCallMethod>
{
    private static readonly string[] Known = ["regular", "power", "predictive", "external"];

    /// <summary>Wraps a raw call method value.</summary>
    /// <param name="value">The value as Close spells it, e.g. <c>regular</c>.</param>
    public CloseCallMethod(string value)
        : this(value, validate: true)
    {
    }

    /// <summary>Unvalidated for the server's values: even an empty string is kept, so that reading never throws.</summary>
    private CloseCallMethod(string value, bool validate) =>
        Value = validate ? ExtensibleEnum.RequireValue(value, nameof(value)) : value;

    /// <summary><c>regular</c>: A call placed by hand from Close.</summary>
    public static CloseCallMethod Regular { get; } = new("regular");

    /// <summary><c>power</c>: A call placed by the Power Dialer.</summary>
    public static CloseCallMethod Power { get; } = new("power");

    /// <summary><c>predictive</c>: A call placed by the Predictive Dialer.</summary>
    public static CloseCallMethod Predictive { get; } = new("predictive");

    /// <summary><c>external</c>: A call logged through the API, made outside Close (seen in real data, not documented).</summary>
    public static CloseCallMethod External { get; } = new("external");

    /// <summary>The raw value; <see langword="null"/> only for <c>default</c>.</summary>
    public string? Value { get; }

    /// <summary><see langword="true"/> when the value is one of the documented values.</summary>
    public bool IsKnown => ExtensibleEnum.IsOneOf(Value, Known);

    static CloseCallMethod IExtensibleEnum<CloseCallMethod>.FromValue(string value) => new(value, validate: false);

    /// <summary>Wraps a raw value.</summary>
    /// <param name="value">The value as Close spells it.</param>
    public static implicit operator CloseCallMethod(string value) => new(value);

    /// <summary>Compares two values, ignoring case.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    public static bool operator ==(CloseCallMethod left, CloseCallMethod right) => left.Equals(right);

    /// <summary>Compares two values, ignoring case.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    public static bool operator !=(CloseCallMethod left, CloseCallMethod right) => !left.Equals(right);

    /// <inheritdoc/>
    public bool Equals(CloseCallMethod other) => ExtensibleEnum.Equals(Value, other.Value);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is CloseCallMethod other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => ExtensibleEnum.GetHashCode(Value);

    /// <summary>The raw value.</summary>
    /// <returns>The value as Close spells it, or an empty string for <c>default</c>.</returns>
    public override string ToString() => Value ?? "";
}
