using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using CallLogClient.Close.Models;
using CallLogClient.Errors;
using CallLogClient.Http;

namespace CallLogClient.Close;

/// <summary>
/// Reads a <c>date_created</c> range of any size in windows that each fit under Close's <c>_skip</c> cap; the
/// algorithm is described on <see cref="ICloseCallActivitiesClient.ListAllByDateWindowsAsync"/>.
/// </summary>
internal sealed partial class CloseDateWindowReader(
    Func<CloseCallQuery, int, int, CancellationToken, Task<ApiResponse<CloseCallActivityPage>>> readPage,
    RequestExecutor executor,
    int maxSkip,
    TimeProvider timeProvider,
    int pagesInFlight)
{
    private static readonly TimeSpan OneSecond = TimeSpan.FromSeconds(1);
    private static readonly string[] ProbeFields = [CloseCallFieldNames.Id];

    public async IAsyncEnumerable<CloseCallActivity> ReadAsync(
        CloseCallQuery? query, int pageSize, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        query ??= new CloseCallQuery();
        if (query.Fields is { } fields)
        {
            query = query.With(query.DateCreated, fields.Union([CloseCallFieldNames.Id, CloseCallFieldNames.DateCreated]).ToList());
        }

        var cap = maxSkip;
        var windows = new Stack<Window>();
        windows.Push(OuterWindow(query.DateCreated));
        while (windows.TryPop(out var window))
        {
            var windowQuery = query.With(window.Filter);
            var first = new StrongBox<ApiResponse<CloseCallActivityPage>?>(
                await readPage(windowQuery, 0, pageSize, cancellationToken).ConfigureAwait(false));
            if (first.Value!.Value.HasMore)
            {
                (var fits, cap) = await FitsUnderCapAsync(windowQuery, cap, cancellationToken).ConfigureAwait(false);
                if (!fits)
                {
                    var (earlier, later) = Split(window, cap);
                    windows.Push(later);
                    windows.Push(earlier);
                    continue;
                }
            }

            var paging = new ClosePaging(
                (skip, token) => readPage(windowQuery, skip, pageSize, token),
                executor,
                cap,
                $"The date_created window from {window.Start:o} to {window.End:o} grew past Close's _skip cap ({cap}) while it was read.",
                pageSize,
                pagesInFlight);
            var calls = paging.ContinueAsync(first, window.Owns, cancellationToken);
            await foreach (var call in calls.ConfigureAwait(false))
            {
                yield return call;
            }
        }
    }

    /// <summary>Whether no call lies past the cap, i.e. every page of the window can be read; learns a lower cap from Close's 400.</summary>
    private async Task<(bool Fits, int Cap)> FitsUnderCapAsync(CloseCallQuery windowQuery, int cap, CancellationToken cancellationToken)
    {
        var probe = windowQuery.With(windowQuery.DateCreated, ProbeFields);
        while (true)
        {
            try
            {
                var page = await readPage(probe, cap, 1, cancellationToken).ConfigureAwait(false);
                return (page.Value.Items.Count == 0, cap);
            }
            catch (CallLogValidationException exception) when (LowerCap(exception, cap) is { } lower)
            {
                cap = lower;
            }
        }
    }

    /// <summary>
    /// The cap to use after Close's "max_skip = N" 400: N when it is below the cap tried, N - 1 when it is the cap tried
    /// (Close then counts the cap as excluded); null when this is another error or the cap cannot go lower.
    /// </summary>
    private static int? LowerCap(CallLogValidationException exception, int triedCap)
    {
        if (exception.ErrorMessage is not { } message || MaxSkipMessage().Match(message) is not { Success: true } match
            || !int.TryParse(match.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var named))
        {
            return null;
        }

        return named < triedCap ? named : named == triedCap && named > 0 ? named - 1 : null;
    }

    private Window OuterWindow(CloseDateRange? range)
    {
        var now = timeProvider.GetUtcNow();
        var snapshotEnd = Floor(now);
        var filter = new CloseDateRange
        {
            GreaterThan = range?.GreaterThan,
            GreaterThanOrEqual = range?.GreaterThanOrEqual,
            LessThan = range?.Upper is null ? snapshotEnd : range.LessThan,
            LessThanOrEqual = range?.LessThanOrEqual,
        };
        var start = range?.Lower?.Instant ?? DateTimeOffset.UnixEpoch;
        var end = range?.LessThanOrEqual is { Date: not null } inclusiveDate
            ? inclusiveDate.Instant.AddDays(1)
            : range?.Upper?.Instant ?? snapshotEnd;
        return new Window(filter, start, end, CheckStart: false, CheckEnd: false);
    }

    private static (Window Earlier, Window Later) Split(Window window, int cap)
    {
        var middle = Floor(window.Start + ((window.End - window.Start) / 2));
        if (middle <= window.Start)
        {
            middle += OneSecond;
        }

        if (middle >= window.End)
        {
            throw new InvalidOperationException(
                $"More than {cap} calls were created between {window.Start:o} and {window.End:o}; Close cannot page past that many, " +
                "and the window cannot be split below one second.");
        }

        var earlier = new Window(
            new CloseDateRange
            {
                GreaterThan = window.Filter.GreaterThan,
                GreaterThanOrEqual = window.Filter.GreaterThanOrEqual,
                LessThan = middle,
            },
            window.Start,
            middle,
            window.CheckStart,
            CheckEnd: true);
        var later = new Window(
            new CloseDateRange
            {
                GreaterThanOrEqual = middle,
                LessThan = window.Filter.LessThan,
                LessThanOrEqual = window.Filter.LessThanOrEqual,
            },
            middle,
            window.End,
            CheckStart: true,
            window.CheckEnd);
        return (earlier, later);
    }

    private static DateTimeOffset Floor(DateTimeOffset time) =>
        new(time.UtcTicks - (time.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);

    [GeneratedRegex(@"max_skip\s*=\s*(\d+)")]
    private static partial Regex MaxSkipMessage();

    /// <summary>
    /// A window: the filter sent, and the instants it covers. A bound the reader made by splitting (not the caller's) is
    /// checked on each call (<c>CheckStart</c>, <c>CheckEnd</c>), so a call is returned only by the window
    /// that owns its <c>date_created</c>.
    /// </summary>
    private sealed record Window(CloseDateRange Filter, DateTimeOffset Start, DateTimeOffset End, bool CheckStart, bool CheckEnd)
    {
        public bool Owns(CloseCallActivity call) => call.DateCreated is not { } created
            || ((!CheckStart || created >= Start) && (!CheckEnd || created < End));
    }
}
