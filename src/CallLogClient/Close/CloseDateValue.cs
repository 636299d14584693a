using System.Globalization;
using CallLogClient.Close.Serialization;

namespace CallLogClient.Close;

/// <summary>
/// A bound of a Close date filter: an instant (sent in UTC with an explicit offset, e.g.
/// <c>2024-01-15T10:00:00+00:00</c>) or a calendar date (sent as <c>2024-01-15</c>, which Close reads in UTC).
/// Converts implicitly from <see cref="DateTimeOffset"/> and <see cref="DateOnly"/>.
/// </summary>
public readonly struct CloseDateValue : IEquatable<CloseDateValue>
{
    /// <summary>An instant.</summary>
    /// <param name="time">The instant; its offset does not matter, it is sent in UTC.</param>
    public CloseDateValue(DateTimeOffset time) => Time = time;

    /// <summary>A calendar date.</summary>
    /// <param name="date">The date.</param>
    public CloseDateValue(DateOnly date) => Date = date;

    /// <summary>The instant, when this is one.</summary>
    public DateTimeOffset? Time { get; }

    /// <summary>The date, when this is one.</summary>
    public DateOnly? Date { get; }

    /// <summary>The start of the bound in UTC: the instant, or midnight UTC of the date.</summary>
    internal DateTimeOffset Instant =>
        Time ?? new DateTimeOffset(Date.GetValueOrDefault().ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    internal bool IsEmpty => Time is null && Date is null;

    /// <summary>An instant.</summary>
    /// <param name="time">The instant.</param>
    public static implicit operator CloseDateValue(DateTimeOffset time) => new(time);

    /// <summary>A calendar date.</summary>
    /// <param name="date">The date.</param>
    public static implicit operator CloseDateValue(DateOnly date) => new(date);

    /// <summary>Compares two bounds.</summary>
    /// <param name="left">The first bound.</param>
    /// <param name="right">The second bound.</param>
    public static bool operator ==(CloseDateValue left, CloseDateValue right) => left.Equals(right);

    /// <summary>Compares two bounds.</summary>
    /// <param name="left">The first bound.</param>
    /// <param name="right">The second bound.</param>
    public static bool operator !=(CloseDateValue left, CloseDateValue right) => !left.Equals(right);

    /// <summary>An instant.</summary>
    /// <param name="time">The instant.</param>
    /// <returns>The bound.</returns>
    public static CloseDateValue FromDateTimeOffset(DateTimeOffset time) => new(time);

    /// <summary>A calendar date.</summary>
    /// <param name="date">The date.</param>
    /// <returns>The bound.</returns>
    public static CloseDateValue FromDateOnly(DateOnly date) => new(date);

    /// <inheritdoc/>
    public bool Equals(CloseDateValue other) => Time == other.Time && Date == other.Date;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is CloseDateValue other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Time, Date);

    /// <summary>The value as it is sent.</summary>
    /// <returns><c>2024-01-15T10:00:00+00:00</c> (microseconds when there is a fraction), <c>2024-01-15</c>, or empty for <c>default</c>.</returns>
    public override string ToString() => Time is { } time
        ? CloseDateTimeConverter.Format(time)
        : Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
}
