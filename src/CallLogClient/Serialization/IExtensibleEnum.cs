namespace CallLogClient.Serialization;

/// <summary>A string-backed value type whose set of values the server owns and may extend.</summary>
internal interface IExtensibleEnum<TSelf>
    where TSelf : struct, IExtensibleEnum<TSelf>
{
    /// <summary>The raw value as the server sends it.</summary>
    string? Value { get; }

    /// <summary>Wraps any server value, known or not.</summary>
    static abstract TSelf FromValue(string value);
}
