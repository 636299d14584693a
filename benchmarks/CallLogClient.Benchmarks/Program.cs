using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;

// The whole suite (about 5 minutes on 2 shared cores), from the repository root:
//   dotnet run -c Release --project benchmarks/CallLogClient.Benchmarks -- --filter '*'
// One operation: --filter '*PipedriveGet*' (classes: PipedriveGet, PipedriveListPage, PipedriveCreate, CloseGet,
// CloseListPage). Results and how to compare them: benchmarks/RESULTS.md.
//
// One launch, 3 warm-up and 10 measured iterations: enough on a small shared machine; a job given on the command
// line (--job short, --job medium) replaces it.
var config = DefaultConfig.Instance
    .AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(10).AsDefault());
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
