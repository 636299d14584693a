namespace CallLogClient.Close;

/// <summary>
/// A date filter of a Close list: at most one lower bound (<see cref="GreaterThan"/> or
/// <see cref="GreaterThanOrEqual"/>) and at most one upper bound (<see cref="LessThan"/> or
/// <see cref="LessThanOrEqual"/>), each an instant or a date. <see cref="Between"/> builds the usual half-open range.
/// </summary>
public sealed class CloseDateRange
{
    /// <summary>Strictly after (<c>__gt</c>).</summary>
    public CloseDateValue? GreaterThan { get; init; }

    /// <summary>At or after (<c>__gte</c>).</summary>
    public CloseDateValue? GreaterThanOrEqual { get; init; }

    /// <summary>Strictly before (<c>__lt</c>).</summary>
    public CloseDateValue? LessThan { get; init; }

    /// <summary>At or before (<c>__lte</c>).</summary>
    public CloseDateValue? LessThanOrEqual { get; init; }

    /// <summary>From <paramref name="from"/> (included) to <paramref name="to"/> (excluded).</summary>
    /// <param name="from">The first instant or date in the range.</param>
    /// <param name="to">The first instant or date after the range.</param>
    /// <returns><c>__gte=from</c> and <c>__lt=to</c>.</returns>
    public static CloseDateRange Between(CloseDateValue from, CloseDateValue to) =>
        new() { GreaterThanOrEqual = from, LessThan = to };

    internal CloseDateValue? Lower => GreaterThan ?? GreaterThanOrEqual;

    internal CloseDateValue? Upper => LessThan ?? LessThanOrEqual;
}
