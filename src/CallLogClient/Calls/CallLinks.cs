namespace CallLogClient.Calls;

/// <summary>
/// What a call belongs to in the CRM. Each provider stores only its own links; a link for the other provider is reported
/// in <see cref="CallLogResult.NotStored"/>.
/// </summary>
public sealed class CallLinks
{
    /// <summary>Pipedrive: the person called (<c>person_id</c>).</summary>
    public long? PipedrivePersonId { get; init; }

    /// <summary>Pipedrive: the person's organization (<c>org_id</c>).</summary>
    public long? PipedriveOrgId { get; init; }

    /// <summary>Pipedrive: the deal (<c>deal_id</c>); not together with <see cref="PipedriveLeadId"/>.</summary>
    public long? PipedriveDealId { get; init; }

    /// <summary>Pipedrive: the lead, a UUID (<c>lead_id</c>); not together with <see cref="PipedriveDealId"/>.</summary>
    public string? PipedriveLeadId { get; init; }

    /// <summary>Close: the lead (<c>lead_…</c>). Needed by Close's exactly-once lookup.</summary>
    public string? CloseLeadId { get; init; }

    /// <summary>Close: the contact (<c>cont_…</c>).</summary>
    public string? CloseContactId { get; init; }

    /// <summary>Says nothing of the ids (they identify customers).</summary>
    /// <returns>The type name.</returns>
    public override string ToString() => nameof(CallLinks);
}
