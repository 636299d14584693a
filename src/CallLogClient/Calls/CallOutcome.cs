using CallLogClient.Serialization;

namespace CallLogClient.Calls;

/// <summary>
/// How a call ended, in words neither CRM owns. Each provider's values map to and from these through
/// <see cref="CallOutcomeMap"/> (the table is in the README, "Any CRM"). A value that is not one of the members is kept
/// with its raw text (<see cref="IsStandard"/> is then <see langword="false"/>). It is the writer's own vocabulary, never
/// a value on the wire: the provider's raw value travels in <see cref="CallRecord.ProviderOutcome"/>.
/// </summary>
public readonly struct CallOutcome : IEquatable<CallOutcome>
{
    private static readonly string[] Known =
    [
        "answered", "no-answer", "busy", "voicemail-left", "voicemail-reached", "message-left", "wrong-number", "blocked", "failed",
        "abandoned", "unknown",
    ];

    /// <summary>Wraps a raw outcome value.</summary>
    /// <param name="value">The value, e.g. <c>answered</c>.</param>
    public CallOutcome(string value) => Value = ExtensibleEnum.RequireValue(value, nameof(value));

    /// <summary>Someone answered and the parties talked (Close <c>answered</c>, Pipedrive <c>connected</c>).</summary>
    public static CallOutcome Answered { get; } = new("answered");

    /// <summary>Nobody answered (Close <c>no-answer</c>, Pipedrive <c>no_answer</c>).</summary>
    public static CallOutcome NoAnswer { get; } = new("no-answer");

    /// <summary>The line was busy (<c>busy</c> in both).</summary>
    public static CallOutcome Busy { get; } = new("busy");

    /// <summary>A voicemail was left (Close <c>vm-left</c>, Pipedrive <c>left_voicemail</c>).</summary>
    public static CallOutcome VoicemailLeft { get; } = new("voicemail-left");

    /// <summary>Voicemail picked up and no message was left (Close <c>vm-answer</c>).</summary>
    public static CallOutcome VoicemailReached { get; } = new("voicemail-reached");

    /// <summary>A message was left with a person (Pipedrive <c>left_message</c>).</summary>
    public static CallOutcome MessageLeft { get; } = new("message-left");

    /// <summary>The number reached the wrong party (Pipedrive <c>wrong_number</c>).</summary>
    public static CallOutcome WrongNumber { get; } = new("wrong-number");

    /// <summary>The call was blocked (Close <c>blocked</c>).</summary>
    public static CallOutcome Blocked { get; } = new("blocked");

    /// <summary>The call failed with an error (Close <c>error</c>).</summary>
    public static CallOutcome Failed { get; } = new("failed");

    /// <summary>The caller hung up before the call connected (Close <c>abandoned</c>).</summary>
    public static CallOutcome Abandoned { get; } = new("abandoned");

    /// <summary>
    /// The provider gave no outcome, or one this version does not know; <see cref="CallRecord.ProviderOutcome"/> then
    /// holds its raw value.
    /// </summary>
    public static CallOutcome Unknown { get; } = new("unknown");

    /// <summary>The raw value; <see langword="null"/> only for <c>default</c>.</summary>
    public string? Value { get; }

    /// <summary><see langword="true"/> when the value is one of the static members.</summary>
    public bool IsStandard => ExtensibleEnum.IsOneOf(Value, Known);

    /// <summary>Wraps a raw value.</summary>
    /// <param name="value">The value.</param>
    public static implicit operator CallOutcome(string value) => new(value);

    /// <summary>Compares two outcomes, ignoring case.</summary>
    /// <param name="left">The first outcome.</param>
    /// <param name="right">The second outcome.</param>
    public static bool operator ==(CallOutcome left, CallOutcome right) => left.Equals(right);

    /// <summary>Compares two outcomes, ignoring case.</summary>
    /// <param name="left">The first outcome.</param>
    /// <param name="right">The second outcome.</param>
    public static bool operator !=(CallOutcome left, CallOutcome right) => !left.Equals(right);

    /// <inheritdoc/>
    public bool Equals(CallOutcome other) => ExtensibleEnum.Equals(Value, other.Value);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is CallOutcome other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => ExtensibleEnum.GetHashCode(Value);

    /// <summary>The raw value.</summary>
    /// <returns>The value, or an empty string for <c>default</c>.</returns>
    public override string ToString() => Value ?? "";
}
