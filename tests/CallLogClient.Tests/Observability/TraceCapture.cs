using System.Collections.Concurrent;
using System.Diagnostics;

namespace CallLogClient.Tests.Observability;

/// <summary>
/// Starts a root span of the test's own and records the spans of the client (<c>CallLogClient</c>) and of HttpClient
/// (<c>System.Net.Http</c>) in that trace only: the listener is process-wide, and tests running in parallel have other
/// traces, which it neither samples nor records.
/// </summary>
internal sealed class TraceCapture : IDisposable
{
    private const string TestSourceName = "CallLogClient.Tests.Observability";

    private static readonly ActivitySource TestSource = new(TestSourceName);

    private readonly ActivityListener listener;
    private readonly ConcurrentQueue<Activity> stopped = new();
    private readonly ActivityTraceId traceId = ActivityTraceId.CreateRandom();

    public TraceCapture()
    {
        listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "CallLogClient" or "System.Net.Http" or TestSourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> options) =>
                options.TraceId == traceId ? ActivitySamplingResult.AllDataAndRecorded : ActivitySamplingResult.None,
            ActivityStopped = activity =>
            {
                if (activity.TraceId == traceId)
                {
                    stopped.Enqueue(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        Root = TestSource.StartActivity(
            "test", ActivityKind.Internal, new ActivityContext(traceId, ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded))!;
    }

    /// <summary>The test's span, current in the test from here on: the client's spans are its children.</summary>
    public Activity Root { get; }

    /// <summary>The client's spans that have ended, in the order they ended.</summary>
    public IReadOnlyList<Activity> CallSpans => [.. stopped.Where(a => a.Source.Name == "CallLogClient")];

    /// <summary>HttpClient's per-attempt spans that have ended.</summary>
    public IReadOnlyList<Activity> HttpSpans => [.. stopped.Where(a => a.Source.Name == "System.Net.Http")];

    /// <summary>Every span of the trace that has ended, the test's root included once it ended.</summary>
    public IReadOnlyList<Activity> All => [.. stopped];

    /// <summary>Every text a span carries: names, tag keys and values, event names and their tags, status text.</summary>
    public IEnumerable<(string Where, string Text)> Texts() => All.SelectMany(span =>
        new[] { ("span name", span.OperationName), ("display name", span.DisplayName), ("status", span.StatusDescription ?? "") }
            .Concat(span.TagObjects.Select(tag => ($"tag {tag.Key} of {span.OperationName}", $"{tag.Key}={tag.Value}")))
            .Concat(span.Events.SelectMany(e => e.Tags.Select(tag => ($"event {e.Name} of {span.OperationName}", $"{e.Name} {tag.Key}={tag.Value}"))))
            .Concat(span.Baggage.Select(b => ("baggage", $"{b.Key}={b.Value}"))));

    public void Dispose()
    {
        Root.Dispose();
        listener.Dispose();
    }
}
