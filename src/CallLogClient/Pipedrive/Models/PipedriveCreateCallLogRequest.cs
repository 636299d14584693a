using System.Text.Json.Serialization;
using CallLogClient.Pipedrive.Serialization;

namespace CallLogClient.Pipedrive.Models;

/// <summary>
/// A call log to create. <see cref="Outcome"/>, <see cref="ToPhoneNumber"/>, <see cref="StartTime"/> and
/// <see cref="EndTime"/> are required; the client checks the request before sending it.
/// </summary>
public sealed class PipedriveCreateCallLogRequest
{
    /// <summary>The owner; by default the user the token belongs to. Needs account-settings access for another user.</summary>
    public long? UserId { get; init; }

    /// <summary>An existing activity of type <c>call</c> to turn into this call log; deal, person and org are then taken from it.</summary>
    public long? ActivityId { get; init; }

    /// <summary>The subject.</summary>
    public string? Subject { get; init; }

    /// <summary>How long the call lasted, in whole seconds (sent as a string of seconds).</summary>
    [JsonConverter(typeof(PipedriveDurationConverter))]
    public TimeSpan? Duration { get; init; }

    /// <summary>How the call ended. Required.</summary>
    public PipedriveCallOutcome Outcome { get; init; }

    /// <summary>The number that made the call.</summary>
    public string? FromPhoneNumber { get; init; }

    /// <summary>The number that was called. Required.</summary>
    public string? ToPhoneNumber { get; init; }

    /// <summary>When the call started. Required. Sent in UTC whatever the offset; a <see cref="DateTime"/> converts by .NET's rules (Unspecified counts as local).</summary>
    [JsonConverter(typeof(PipedriveDateTimeConverter))]
    public DateTimeOffset? StartTime { get; init; }

    /// <summary>When the call ended. Required, and not before <see cref="StartTime"/>.</summary>
    [JsonConverter(typeof(PipedriveDateTimeConverter))]
    public DateTimeOffset? EndTime { get; init; }

    /// <summary>The person called.</summary>
    public long? PersonId { get; init; }

    /// <summary>The person's organization.</summary>
    public long? OrgId { get; init; }

    /// <summary>The deal the call belongs to; not together with <see cref="LeadId"/>.</summary>
    public long? DealId { get; init; }

    /// <summary>The lead the call belongs to, a UUID; not together with <see cref="DealId"/>.</summary>
    public string? LeadId { get; init; }

    /// <summary>The note, as HTML.</summary>
    public string? Note { get; init; }
}
