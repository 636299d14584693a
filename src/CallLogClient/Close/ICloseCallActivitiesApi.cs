using CallLogClient.Http;
using Refit;

namespace CallLogClient.Close;

/// <summary>
/// The Close Call activities endpoints, implemented by Refit's source generator. Every method returns the raw response
/// for <see cref="RequestExecutor"/> to classify, and carries the call's <see cref="RequestState"/> in the request
/// options for the handler chain.
/// </summary>
/// <remarks>
/// List and date filters arrive already encoded (<see cref="CloseQueryValue"/>): Close's wire form keeps the commas
/// between list items and the colons of times readable, which Refit's own escaping would encode. Bodies arrive as
/// JSON content written by <see cref="CloseCallRequestWriter"/>, which flattens custom fields to top-level keys.
/// </remarks>
internal interface ICloseCallActivitiesApi
{
    /// <summary>The query parameters go out in this order, each only when given; <c>_skip</c> and <c>_limit</c> always.</summary>
    [Get("/activity/call/")]
    Task<HttpResponseMessage> ListAsync(
        [AliasAs("id__in"), Encoded] string? ids,
        [AliasAs("lead_id"), Encoded] string? leadIds,
        [AliasAs("contact_id"), Encoded] string? contactIds,
        [AliasAs("user_id"), Encoded] string? userIds,
        [AliasAs("organization_id"), Encoded] string? organizationId,
        [AliasAs("date_created__gt"), Encoded] string? dateCreatedAfter,
        [AliasAs("date_created__gte"), Encoded] string? dateCreatedFrom,
        [AliasAs("date_created__lt"), Encoded] string? dateCreatedBefore,
        [AliasAs("date_created__lte"), Encoded] string? dateCreatedUntil,
        [AliasAs("activity_at__gt"), Encoded] string? activityAfter,
        [AliasAs("activity_at__gte"), Encoded] string? activityFrom,
        [AliasAs("activity_at__lt"), Encoded] string? activityBefore,
        [AliasAs("activity_at__lte"), Encoded] string? activityUntil,
        [AliasAs("_fields"), Encoded] string? fields,
        [AliasAs("_skip")] int skip,
        [AliasAs("_limit")] int limit,
        [Property(RequestState.OptionKey)] RequestState state,
        CancellationToken cancellationToken);

    [Get("/activity/call/{id}/")]
    Task<HttpResponseMessage> GetAsync(
        string id,
        [AliasAs("_fields"), Encoded] string? fields,
        [Property(RequestState.OptionKey)] RequestState state,
        CancellationToken cancellationToken);

    [Post("/activity/call/")]
    Task<HttpResponseMessage> CreateAsync(
        [Body] HttpContent request, [Property(RequestState.OptionKey)] RequestState state, CancellationToken cancellationToken);

    [Put("/activity/call/{id}/")]
    Task<HttpResponseMessage> UpdateAsync(
        string id, [Body] HttpContent request, [Property(RequestState.OptionKey)] RequestState state, CancellationToken cancellationToken);

    [Delete("/activity/call/{id}/")]
    Task<HttpResponseMessage> DeleteAsync(string id, [Property(RequestState.OptionKey)] RequestState state, CancellationToken cancellationToken);
}
