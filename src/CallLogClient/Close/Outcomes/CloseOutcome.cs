using System.Text.Json;
using System.Text.Json.Serialization;
using CallLogClient.Close.Serialization;

namespace CallLogClient.Close.Outcomes;

/// <summary>
/// One of the organization's outcomes (the Close Outcomes API): a user-defined result such as "Demo Booked" that a call
/// or meeting points to with <c>outcome_id</c>. Fields this type does not know are kept in
/// <see cref="AdditionalProperties"/>.
/// </summary>
public sealed class CloseOutcome
{
    private string id = "";

    /// <summary>The outcome's id (<c>outcome_…</c>); empty (never null) when the server sent none.</summary>
    public string Id { get => id; set => id = value ?? ""; }

    /// <summary>The name users see, e.g. <c>Demo Booked</c>.</summary>
    public string? Name { get; set; }

    /// <summary>What the outcome means.</summary>
    public string? Description { get; set; }

    /// <summary><c>custom</c>, or <c>vm-dropped</c> for the outcome Close sets on a voicemail drop.</summary>
    public string? Type { get; set; }

    /// <summary>What it applies to (<c>calls</c>, <c>meetings</c>); deprecated for writes, derived from <see cref="Type"/>.</summary>
    public IReadOnlyList<string>? AppliesTo { get; set; }

    /// <summary>The organization (<c>orga_…</c>).</summary>
    public string? OrganizationId { get; set; }

    /// <summary>When it was created.</summary>
    [JsonConverter(typeof(CloseDateTimeConverter))]
    public DateTimeOffset? DateCreated { get; set; }

    /// <summary>When it last changed.</summary>
    [JsonConverter(typeof(CloseDateTimeConverter))]
    public DateTimeOffset? DateUpdated { get; set; }

    /// <summary>Fields the API sent that this type does not know, kept unchanged.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
