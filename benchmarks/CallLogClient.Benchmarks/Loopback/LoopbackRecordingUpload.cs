using BenchmarkDotNet.Attributes;

namespace CallLogClient.Benchmarks.Loopback;

/// <summary>
/// Pipedrive <c>POST /callLogs/{id}/recordings</c> on loopback: a recording of <see cref="Megabytes"/> MB streamed from a
/// forward-only stream (multipart, chunked). What each side allocates must not grow with the recording.
/// </summary>
[MemoryDiagnoser]
[WarmupCount(1)]
[IterationCount(5)]
[InvocationCount(1, 1)]
public class LoopbackRecordingUpload : LoopbackBenchmark
{
    private static readonly string Id = Server.Ids.Pipedrive(0);

    [Params(1, 100)]
    public int Megabytes { get; set; }

    private long Length => Megabytes * 1024L * 1024L;

    [Benchmark(Baseline = true)]
    public Task Raw() => Sides.RawPipedriveUploadAsync(Id, new NonSeekableAudio(Length));

    [Benchmark]
    public Task PlainRefit() => Sides.RefitPipedriveUploadAsync(Id, new NonSeekableAudio(Length));

    [Benchmark]
    public Task Sdk() => Sides.SdkPipedrive.AddRecordingAsync(Id, new NonSeekableAudio(Length), "call.mp3", "audio/mpeg");

    private protected override void CheckParity()
    {
        Raw().GetAwaiter().GetResult();
        PlainRefit().GetAwaiter().GetResult();
        Sdk().GetAwaiter().GetResult();
    }
}
