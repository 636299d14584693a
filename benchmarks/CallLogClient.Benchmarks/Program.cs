using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Perfolizer.Metrology;

// From the repository root (benchmarks/run.sh runs this and writes docs/benchmarks.md from the results):
//   dotnet run -c Release --project benchmarks/CallLogClient.Benchmarks -- --filter '*Loopback*' [--short] [--cpu-clock]
// Classes: Loopback* (the headline: raw vs plain Refit vs SDK against the loopback server in its own process) and the
// canned-response ones (PipedriveGet, PipedriveListPage, PipedriveCreate, CloseGet, CloseListPage: no network, raw vs SDK).
//
// --short: in this process (no separate build), 2 warm-ups and 3 measured iterations of 100 ms; the loopback suite
//   takes under three minutes. Allocations are as exact as in a full run; times are rougher.
// Full (default): a separate benchmark process, 15 warm-ups and 10 measured iterations: a loaded machine starves the
//   runtime's background JIT, and fewer warm-ups measured the SDK half-way through tiering up.
// --cpu-clock (Linux): times the process's CPU time (every thread, the GC's included) instead of the wall clock; on a
//   loaded machine it leaves out the time spent waiting for a core. Not for the loopback suite, where the server's
//   time is in another process: there the wall clock is the honest measure.
// Sizes are shown in bytes, so small differences stay visible.
if (args is ["--retained", var side, ..])
{
    CallLogClient.Benchmarks.AllocationProfile.Retained(side == "sdk");
    return;
}

if (args is ["--allocations", var operation, ..])
{
    CallLogClient.Benchmarks.AllocationProfile.Run(operation, args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 20_000);
    return;
}

if (args is ["--interleaved", var timed, ..])
{
    CallLogClient.Benchmarks.InterleavedTiming.Run(timed, args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 200);
    return;
}

if (args is ["--loop", var loopSide, var looped, ..])
{
    CallLogClient.Benchmarks.InterleavedTiming.Loop(
        loopSide, looped, args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 5_000);
    return;
}

var isShort = args.Contains("--short");
var job = isShort
    ? Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithWarmupCount(2).WithIterationCount(3)
        .WithIterationTime(Perfolizer.Horology.TimeInterval.FromMilliseconds(100))
    : Job.Default.WithLaunchCount(1).WithWarmupCount(15).WithIterationCount(10);
if (args.Contains("--cpu-clock"))
{
    job = job.WithClock(CallLogClient.Benchmarks.ProcessCpuClock.Instance);
}

args = [.. args.Where(arg => arg is not ("--cpu-clock" or "--short"))];
var config = DefaultConfig.Instance
    .AddJob(job.AsDefault())
    .WithSummaryStyle(SummaryStyle.Default.WithSizeUnit(SizeUnit.B));
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
