using System.Runtime.CompilerServices;
using CallLogClient.Http;
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

        if (request.Outcome.Value.Length == 0 || request.Outcome.Value.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            throw Invalid(nameof(request.Outcome), "Outcome (outcome) must be a value such as connected, without white space.");
        }

        if (string.IsNullOrWhiteSpace(request.ToPhoneNumber))
        {
            throw Invalid(nameof(request.ToPhoneNumber), "ToPhoneNumber (to_phone_number) is required.");
        }

        ValueRules.RequirePhoneText(request.ToPhoneNumber, Field(nameof(request.ToPhoneNumber)));
        ValueRules.RequirePhoneText(request.FromPhoneNumber, Field(nameof(request.FromPhoneNumber)));

        var start = request.StartTime
            ?? throw Invalid(nameof(request.StartTime), "StartTime (start_time) is required.");
        var end = request.EndTime
            ?? throw Invalid(nameof(request.EndTime), "EndTime (end_time) is required.");
        ValueRules.RequireSupportedInstant(start, Field(nameof(request.StartTime)));
        ValueRules.RequireSupportedInstant(end, Field(nameof(request.EndTime)));
        if (end < start)
        {
            throw Invalid(nameof(request.EndTime), "EndTime (end_time) must not be before StartTime (start_time).");
        }

        if (request.Duration is { } duration && (duration < TimeSpan.Zero || duration.Ticks % TimeSpan.TicksPerSecond != 0))
        {
            throw Invalid(nameof(request.Duration), "Duration (duration) must be a non-negative whole number of seconds.");
        }

        if (request.Duration > TimeSpan.FromSeconds(Math.Ceiling((end - start).TotalSeconds)))
        {
            throw Invalid(
                nameof(request.Duration),
                "Duration (duration) is the talk time, which cannot be longer than the call from StartTime to EndTime.");
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
    private static ArgumentException Invalid(string field, string message) => new(message, Field(field));

    private static string Field(string name) => "request." + name;
}
