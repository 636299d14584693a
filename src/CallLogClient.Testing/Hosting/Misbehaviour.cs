namespace CallLogClient.Testing;

/// <summary>
/// How one emulated API misbehaves on purpose. Every switch can change while the emulator runs; all are off by default.
/// </summary>
public sealed class Misbehaviour
{
    private readonly Lock gate = new();
    private readonly Queue<Fault> scripted = new();
    private Random random = new(1);
    private int requestNumber;

    /// <summary>A delay before every answer.</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>
    /// The share of requests (0 to 1), drawn from the seeded generator (<see cref="Seed"/>), answered only after
    /// <see cref="RandomLatency"/> more; none by default.
    /// </summary>
    public double RandomLatencyRate { get; set; }

    /// <summary>The extra delay of the requests <see cref="RandomLatencyRate"/> picks.</summary>
    public TimeSpan RandomLatency { get; set; }

    /// <summary>The share of requests (0 to 1) that fail with <see cref="RandomFaults"/>, drawn from a seeded generator.</summary>
    public double FailureRate { get; set; }

    /// <summary>The faults a random failure picks from. Default: a 503.</summary>
    public IReadOnlyList<Fault> RandomFaults { get; set; } = [Fault.ServiceUnavailable];

    /// <summary>Seeds the generator behind <see cref="FailureRate"/>, so that a run repeats.</summary>
    public void Seed(int seed)
    {
        lock (gate)
        {
            random = new Random(seed);
        }
    }

    /// <summary>The next <paramref name="count"/> requests fail with <paramref name="fault"/>, after any already scripted.</summary>
    public void FailNext(Fault fault, int count = 1)
    {
        lock (gate)
        {
            for (var i = 0; i < count; i++)
            {
                scripted.Enqueue(fault);
            }
        }
    }

    /// <summary>The request that arrives <paramref name="n"/>-th from now (1 = the next) fails with <paramref name="fault"/>.</summary>
    public void FailRequest(int n, Fault fault)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        lock (gate)
        {
            for (var i = scripted.Count; i < n - 1; i++)
            {
                scripted.Enqueue(Fault.None);
            }

            if (scripted.Count >= n)
            {
                throw new InvalidOperationException($"Request {n} already has a scripted fault.");
            }

            scripted.Enqueue(fault);
        }
    }

    /// <summary>Every switch off and the script emptied.</summary>
    public void Reset()
    {
        lock (gate)
        {
            scripted.Clear();
            Latency = TimeSpan.Zero;
            RandomLatencyRate = 0;
            RandomLatency = TimeSpan.Zero;
            FailureRate = 0;
            RandomFaults = [Fault.ServiceUnavailable];
            random = new Random(1);
            requestNumber = 0;
        }
    }

    /// <summary>The delay before answering the request arriving now: <see cref="Latency"/>, plus <see cref="RandomLatency"/> when drawn.</summary>
    internal TimeSpan NextLatency()
    {
        lock (gate)
        {
            return RandomLatencyRate > 0 && random.NextDouble() < RandomLatencyRate ? Latency + RandomLatency : Latency;
        }
    }

    /// <summary>The fault for the request arriving now.</summary>
    internal Fault Next()
    {
        lock (gate)
        {
            requestNumber++;
            if (scripted.TryDequeue(out var fault))
            {
                return fault;
            }

            return FailureRate > 0 && random.NextDouble() < FailureRate ? RandomFaults[random.Next(RandomFaults.Count)] : Fault.None;
        }
    }
}

/// <summary>What a misbehaving emulator does to one request.</summary>
public enum Fault
{
    /// <summary>Nothing: the request is served.</summary>
    None,

    /// <summary>A 503 with the provider's error body; nothing is processed.</summary>
    ServiceUnavailable,

    /// <summary>A 500 with the provider's error body, after the request was processed (a create is stored).</summary>
    InternalErrorAfterProcessing,

    /// <summary>The connection is dropped before the request is processed: nothing is stored.</summary>
    ResetBeforeProcessing,

    /// <summary>The request is processed (a create is stored), then the connection is dropped before any answer.</summary>
    ResetAfterProcessing,
}
