using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using Perfolizer.Metrology;

// The whole suite (3 to 4.5 minutes on 2 shared cores), from the repository root:
//   dotnet run -c Release --project benchmarks/CallLogClient.Benchmarks -- --filter '*' [--cpu-clock]
// One operation: --filter '*PipedriveGet*' (classes: PipedriveGet, PipedriveListPage, PipedriveCreate, CloseGet,
// CloseListPage). --cpu-clock (Linux) times the process's CPU time instead of the wall clock: on a loaded machine it
// leaves out the time spent waiting for a core. How the figures in benchmarks/RESULTS.md were taken is written there.
//
// One launch, 15 warm-up and 10 measured iterations: a loaded machine starves the runtime's background JIT, and fewer
// warm-ups measured the SDK half-way through tiering up. Sizes are shown in bytes, so small differences stay visible.
var job = Job.Default.WithLaunchCount(1).WithWarmupCount(15).WithIterationCount(10);
if (args.Contains("--cpu-clock"))
{
    job = job.WithClock(CallLogClient.Benchmarks.ProcessCpuClock.Instance);
    args = [.. args.Where(arg => arg != "--cpu-clock")];
}

var config = DefaultConfig.Instance
    .AddJob(job.AsDefault())
    .WithSummaryStyle(SummaryStyle.Default.WithSizeUnit(SizeUnit.B));
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
