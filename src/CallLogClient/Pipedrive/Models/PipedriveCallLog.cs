using System.Text.Json;
using System.Text.Json.Serialization;
using CallLogClient.Pipedrive.Serialization;

namespace CallLogClient.Pipedrive.Models;

/// <summary>
/// A Pipedrive call log as the API returns it. Every field but <see cref="Id"/> may be absent or null; fields this type
/// does not know are kept in <see cref="AdditionalProperties"/>.
/// </summary>
public sealed class PipedriveCallLog
{
    private string id = "";

    /// <summary>
    /// The call log's id: an opaque string such as <c>CAd92b224eb4a39b5ad8fea92ff0e</c>; empty (never null) when the
    /// server sent none.
    /// </summary>
    public string Id { get => id; set => id = value ?? ""; }

    /// <summary>The owner of the call log.</summary>
    public long? UserId { get; set; }

    /// <summary>The activity that wraps this call log.</summary>
    public long? ActivityId { get; set; }

    /// <summary>The subject.</summary>
    public string? Subject { get; set; }

    /// <summary>How long the call lasted.</summary>
    [JsonConverter(typeof(PipedriveDurationConverter))]
    public TimeSpan? Duration { get; set; }

    /// <summary>How the call ended; a value Pipedrive adds later is kept as is.</summary>
    public PipedriveCallOutcome? Outcome { get; set; }

    /// <summary>The number that made the call.</summary>
    public string? FromPhoneNumber { get; set; }

    /// <summary>The number that was called.</summary>
    public string? ToPhoneNumber { get; set; }

    /// <summary>When the call started (UTC).</summary>
    [JsonConverter(typeof(PipedriveDateTimeConverter))]
    public DateTimeOffset? StartTime { get; set; }

    /// <summary>When the call ended (UTC).</summary>
    [JsonConverter(typeof(PipedriveDateTimeConverter))]
    public DateTimeOffset? EndTime { get; set; }

    /// <summary>The person called.</summary>
    public long? PersonId { get; set; }

    /// <summary>The organization of the person called.</summary>
    public long? OrgId { get; set; }

    /// <summary>The deal the call belongs to (never together with <see cref="LeadId"/>).</summary>
    public long? DealId { get; set; }

    /// <summary>The lead the call belongs to, a UUID (never together with <see cref="DealId"/>).</summary>
    public string? LeadId { get; set; }

    /// <summary>The note, as HTML.</summary>
    public string? Note { get; set; }

    /// <summary>Whether a recording is attached; <see langword="null"/> when the server did not say.</summary>
    public bool? HasRecording { get; set; }

    /// <summary>The Pipedrive company the call log belongs to.</summary>
    public long? CompanyId { get; set; }

    /// <summary>Fields the API sent that this type does not know, kept unchanged.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
