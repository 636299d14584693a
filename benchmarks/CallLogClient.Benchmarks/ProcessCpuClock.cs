using System.Runtime.InteropServices;
using Perfolizer.Horology;

namespace CallLogClient.Benchmarks;

/// <summary>
/// Counts the CPU time of the whole benchmark process (every thread, the GC's included) instead of wall-clock time:
/// on a small machine shared with other builds, time spent waiting for a core is not the client's cost.
/// Linux only (<c>clock_gettime(CLOCK_PROCESS_CPUTIME_ID)</c>, nanoseconds).
/// </summary>
public sealed partial class ProcessCpuClock : IClock
{
    private const int ClockProcessCpuTimeId = 2;

    /// <summary>The shared instance.</summary>
    public static readonly ProcessCpuClock Instance = new();

    /// <inheritdoc/>
    public string Title => "Process CPU time";

    /// <inheritdoc/>
    public bool IsAvailable => OperatingSystem.IsLinux();

    /// <inheritdoc/>
    public Frequency Frequency => Frequency.GHz;

    /// <inheritdoc/>
    public long GetTimestamp()
    {
        if (ClockGetTime(ClockProcessCpuTimeId, out var now) != 0)
        {
            throw new InvalidOperationException("clock_gettime(CLOCK_PROCESS_CPUTIME_ID) failed.");
        }

        return now.Seconds * 1_000_000_000 + now.Nanoseconds;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clockId, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
