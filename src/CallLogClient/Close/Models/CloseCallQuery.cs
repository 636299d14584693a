namespace CallLogClient.Close.Models;

/// <summary>
/// Filters of a call-activity list (<c>GET /activity/call/</c>). Every filter is optional; set ones are combined
/// (AND). A list filter matches any of its values; leave it <see langword="null"/> rather than empty (an empty list is
/// rejected, since Close would read it as "no filter").
/// </summary>
public sealed class CloseCallQuery
{
    /// <summary>Only these activities (<c>id__in</c>).</summary>
    public IReadOnlyList<string>? Ids { get; init; }

    /// <summary>Only calls of these leads (<c>lead_id</c>).</summary>
    public IReadOnlyList<string>? LeadIds { get; init; }

    /// <summary>Only calls with these contacts (<c>contact_id</c>).</summary>
    public IReadOnlyList<string>? ContactIds { get; init; }

    /// <summary>Only calls owned by these users (<c>user_id</c>).</summary>
    public IReadOnlyList<string>? UserIds { get; init; }

    /// <summary>Only calls of this organization (<c>organization_id</c>).</summary>
    public string? OrganizationId { get; init; }

    /// <summary>When the activity was created (<c>date_created__gt/__gte/__lt/__lte</c>).</summary>
    public CloseDateRange? DateCreated { get; init; }

    /// <summary>When the call happened (<c>activity_at__gt/__gte/__lt/__lte</c>).</summary>
    public CloseDateRange? ActivityAt { get; init; }

    /// <summary>
    /// The fields to return (<c>_fields</c>); all documented fields when <see langword="null"/>. Close then returns
    /// only these, and returns transcripts only when named: see <see cref="CloseCallFieldNames"/>.
    /// </summary>
    public IReadOnlyList<string>? Fields { get; init; }

    /// <summary>A copy with another <see cref="DateCreated"/> and, when given, other <see cref="Fields"/>.</summary>
    internal CloseCallQuery With(CloseDateRange? dateCreated, IReadOnlyList<string>? fields = null) => new()
    {
        Ids = Ids,
        LeadIds = LeadIds,
        ContactIds = ContactIds,
        UserIds = UserIds,
        OrganizationId = OrganizationId,
        DateCreated = dateCreated,
        ActivityAt = ActivityAt,
        Fields = fields ?? Fields,
    };
}
