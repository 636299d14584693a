using System.Runtime.CompilerServices;
using CallLogClient.Pipedrive.Models;

namespace CallLogClient.Pipedrive;

/// <summary>Checks Pipedrive requests before anything is sent; each failure names the field.</summary>
internal static class PipedriveRequestValidator
{
    public const int MaxPageSize = 50;

    public static void ValidateCreate(PipedriveCreateCallLogRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Outcome.Value is null)
        {
            throw Invalid(nameof(request.Outcome), "Outcome (outcome) is required.");
        }

        if (string.IsNullOrWhiteSpace(request.ToPhoneNumber))
        {
            throw Invalid(nameof(request.ToPhoneNumber), "ToPhoneNumber (to_phone_number) is required.");
        }

        var start = request.StartTime
            ?? throw Invalid(nameof(request.StartTime), "StartTime (start_time) is required.");
        var end = request.EndTime
            ?? throw Invalid(nameof(request.EndTime), "EndTime (end_time) is required.");
        if (end < start)
        {
            throw Invalid(nameof(request.EndTime), "EndTime (end_time) must not be before StartTime (start_time).");
        }

        if (request.Duration is { } duration && (duration < TimeSpan.Zero || duration.Ticks % TimeSpan.TicksPerSecond != 0))
        {
            throw Invalid(nameof(request.Duration), "Duration (duration) must be a non-negative whole number of seconds.");
        }

        if (request.DealId is not null && request.LeadId is not null)
        {
            throw Invalid(nameof(request.LeadId), "A call log belongs to a deal or a lead, not both: set DealId or LeadId.");
        }

        if (request.LeadId is not null && !Guid.TryParseExact(request.LeadId, "D", out _))
        {
            throw Invalid(nameof(request.LeadId), "LeadId (lead_id) must be a UUID such as adf21080-0e10-11eb-879b-05d71fb426ec.");
        }

        RequirePositive(request.UserId, nameof(request.UserId));
        RequirePositive(request.ActivityId, nameof(request.ActivityId));
        RequirePositive(request.PersonId, nameof(request.PersonId));
        RequirePositive(request.OrgId, nameof(request.OrgId));
        RequirePositive(request.DealId, nameof(request.DealId));
    }

    public static void ValidatePage(int start, int limit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ValidatePageSize(limit);
    }

    public static void ValidatePageSize(int limit, [CallerArgumentExpression(nameof(limit))] string? paramName = null)
    {
        if (limit is < 1 or > MaxPageSize)
        {
            throw new ArgumentOutOfRangeException(paramName, limit, $"Must be between 1 and {MaxPageSize}.");
        }
    }


    private static void RequirePositive(long? id, string field)
    {
        if (id is <= 0)
        {
            throw new ArgumentOutOfRangeException("request." + field, id, $"{field} must be a positive id.");
        }
    }

    /// <summary>An exception whose ParamName points at the request's member, e.g. <c>request.EndTime</c>.</summary>
    private static ArgumentException Invalid(string field, string message) => new(message, "request." + field);
}
