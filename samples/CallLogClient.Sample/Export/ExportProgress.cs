using System.Globalization;

namespace CallLogClient.Sample.Export;

/// <summary>
/// The export's progress on stderr: on a terminal, one line rewritten in place (at most ten times a second); when
/// stderr is redirected, a plain line every few seconds, so that logs get a heartbeat rather than a line per page.
/// </summary>
internal sealed class ExportProgress(TextWriter error, bool inPlace, string label, TimeProvider timeProvider)
{
    private static readonly TimeSpan InPlaceInterval = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan LineInterval = TimeSpan.FromSeconds(5);

    private long? lastShown;
    private int shownWidth;

    public void Show(long rows, bool force = false)
    {
        var now = timeProvider.GetTimestamp();
        if (!force)
        {
            if (lastShown is null && !inPlace)
            {
                lastShown = now;
                return;
            }

            if (lastShown is { } last && timeProvider.GetElapsedTime(last, now) < (inPlace ? InPlaceInterval : LineInterval))
            {
                return;
            }
        }

        lastShown = now;
        var text = string.Create(CultureInfo.InvariantCulture, $"Exporting {label}: {rows:N0} call logs");
        if (inPlace)
        {
            error.Write('\r' + text.PadRight(shownWidth));
            shownWidth = text.Length;
        }
        else
        {
            error.WriteLine(text);
        }

        error.Flush();
    }

    /// <summary>Shows the final count and ends the in-place line.</summary>
    public void Done(long rows)
    {
        if (inPlace)
        {
            Show(rows, force: true);
            error.WriteLine();
        }
    }
}
