using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
using CallLogClient.Benchmarks.Loopback;

namespace CallLogClient.Benchmarks;

/// <summary>
/// Where an operation's bytes go, by type: <c>--allocations OPERATION [CALLS]</c> runs the raw side, then the SDK, against
/// the loopback server (and plain Refit, for its exact total) and prints the runtime's allocation samples (at random distances, one per ~100 KB on average, so approximate) per call, SDK minus
/// raw. Operations: pipedrive-get, pipedrive-list, pipedrive-create, close-get, close-list.
/// </summary>
internal static class AllocationProfile
{
    public static void Run(string operation, int calls)
    {
        using var server = BenchmarkServer.Start();
        using var sides = new Sides(server);
        var (raw, refit, sdk) = Operation(sides, operation);
        var rawSamples = Sample(raw, calls, out var rawBytes);
        Sample(refit, calls, out var refitBytes);
        var sdkSamples = Sample(sdk, calls, out var sdkBytes);
        Console.WriteLine(
            $"{operation}: raw {rawBytes / calls:N0} B, plain Refit {refitBytes / calls:N0} B, SDK {sdkBytes / calls:N0} B per call (exact, every thread)");
        Console.WriteLine($"{operation}: bytes per call by type, SDK minus raw ({calls} calls each, sampled)");
        foreach (var type in rawSamples.Keys.Union(sdkSamples.Keys)
                     .Select(type => (Type: type, Raw: rawSamples.GetValueOrDefault(type), Sdk: sdkSamples.GetValueOrDefault(type)))
                     .OrderByDescending(row => Math.Abs(row.Sdk - row.Raw)).Take(40))
        {
            Console.WriteLine($"{(type.Sdk - type.Raw) / calls,8:N0} B  (raw {type.Raw / calls,7:N0}, SDK {type.Sdk / calls,7:N0})  {type.Type}");
        }
    }

    /// <summary>
    /// <c>--retained</c>: what stays reachable once a Close enumeration of every call (100 pages) has ended while the
    /// caller still holds the enumerable, SDK and raw, in bytes of the heap after full collections.
    /// </summary>
    public static void Retained(bool sdk)
    {
        using var server = BenchmarkServer.Start();
        using var sides = new Sides(server);
        IAsyncEnumerable<string> Enumerate() => sdk
            ? sides.SdkClose.ListAllAsync().Select(call => call.Id)
            : RawAllAsync(sides);

        // One page first, so that what every first call builds (connections, handler chain, JIT) is in the baseline.
        if (sdk)
        {
            sides.SdkClose.ListPageAsync(limit: 1).GetAwaiter().GetResult();
        }
        else
        {
            sides.RawCloseListAsync(0, 1).GetAwaiter().GetResult();
        }

        for (var round = 0; round < 3; round++)
        {
            var before = Heap();
            var all = Enumerate();
            var count = 0;
            foreach (var _ in all.ToBlockingEnumerable())
            {
                count++;
            }

            var held = Heap();
            GC.KeepAlive(all);
            all = null;
            var released = Heap();
            Console.WriteLine($"{(sdk ? "SDK" : "raw")}: {count} calls; heap after the end while the enumerable is held: {held - before:+#,0;-#,0;0} B; once dropped: {released - before:+#,0;-#,0;0} B");
        }
    }

    private static async IAsyncEnumerable<string> RawAllAsync(Sides sides)
    {
        for (var skip = 0; ; skip += 100)
        {
            var page = await sides.RawCloseListAsync(skip, 100);
            foreach (var call in page.Items)
            {
                yield return call.Id;
            }

            if (!page.HasMore)
            {
                yield break;
            }
        }
    }

    private static long Heap()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    internal static (Func<Task> Raw, Func<Task> Refit, Func<Task> Sdk) Operation(Sides sides, string operation) => operation switch
    {
        "pipedrive-get" => (() => sides.RawPipedriveGetAsync(Server.Ids.Pipedrive(0)), () => sides.RefitPipedriveGetAsync(Server.Ids.Pipedrive(0)),
            () => sides.SdkPipedrive.GetAsync(Server.Ids.Pipedrive(0))),
        "pipedrive-list" => (() => sides.RawPipedriveListAsync(0, 50), () => sides.RefitPipedriveListAsync(0, 50),
            () => sides.SdkPipedrive.ListPageAsync(0, 50)),
        "pipedrive-create" => (() => sides.RawPipedriveCreateAsync(Payloads.PipedrivePayloads.CreateRequest()),
            () => sides.RefitPipedriveCreateAsync(Payloads.PipedrivePayloads.CreateRequest()),
            () => sides.SdkPipedrive.CreateAsync(Payloads.PipedrivePayloads.CreateRequest())),
        "close-get" => (() => sides.RawCloseGetAsync(Server.Ids.Close(0)), () => sides.RefitCloseGetAsync(Server.Ids.Close(0)),
            () => sides.SdkClose.GetAsync(Server.Ids.Close(0))),
        "close-list" => (() => sides.RawCloseListAsync(0, 100), () => sides.RefitCloseListAsync(0, 100),
            () => sides.SdkClose.ListPageAsync(skip: 0, limit: 100)),
        _ => throw new ArgumentException($"Unknown operation {operation}.", nameof(operation)),
    };

    private static Dictionary<string, long> Sample(Func<Task> call, int calls, out long bytes)
    {
        for (var i = 0; i < 2000; i++)
        {
            call().GetAwaiter().GetResult();
        }

        var start = GC.GetTotalAllocatedBytes(precise: true);
        for (var i = 0; i < calls; i++)
        {
            call().GetAwaiter().GetResult();
        }

        bytes = GC.GetTotalAllocatedBytes(precise: true) - start;

        using var listener = new AllocationListener();
        for (var i = 0; i < calls; i++)
        {
            call().GetAwaiter().GetResult();
        }

        listener.Dispose();
        return new Dictionary<string, long>(listener.Bytes);
    }

    private sealed class AllocationListener : EventListener
    {
        private const long SampleBytes = 100 * 1024;

        public ConcurrentDictionary<string, long> Bytes { get; } = new();

        protected override void OnEventSourceCreated(EventSource eventSource)
        {
            if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
            {
                // AllocationSampling (.NET 10): samples at random distances (mean 100 KB), so a call that allocates the same
                // sequence every time is not aliased onto the few types that happen to cross a fixed 100 KB boundary.
                EnableEvents(eventSource, EventLevel.Informational, (EventKeywords)0x80000000000);
            }
        }

        protected override void OnEventWritten(EventWrittenEventArgs eventData)
        {
            if (eventData.EventName == "AllocationSampled" && eventData.Payload is { } payload)
            {
                var name = payload[eventData.PayloadNames!.IndexOf("TypeName")] as string ?? "?";
                Bytes.AddOrUpdate(name, SampleBytes, (_, total) => total + SampleBytes);
            }
        }
    }
}
