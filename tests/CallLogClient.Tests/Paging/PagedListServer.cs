using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Web;
using CallLogClient.Tests.Support;

namespace CallLogClient.Tests.Paging;

/// <summary>One list request as <see cref="PagedListServer"/> received it.</summary>
internal sealed class PageRequest(int offset, int limit)
{
    public int Offset => offset;

    public int Limit => limit;

    /// <summary>Completes when the client closed the connection of this request before it was answered (it cancelled it).</summary>
    public TaskCompletionSource Closed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once the answer to this request was written.</summary>
    public TaskCompletionSource Answered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}

/// <summary>
/// A loopback server holding <c>count</c> call logs (Pipedrive, ids <c>c0</c>, <c>c1</c>, …) or calls (Close, ids
/// <c>acti_0</c>, …) and answering a list request at any offset as the provider does. <see cref="Answer"/> decides
/// per request what happens (by default the page is sent at once): a test can hold a request until the client gives it
/// up, hold it until a signal, or fail it. <see cref="ItemsOnPage"/> makes the server page differently from what the
/// client asked for.
/// </summary>
internal sealed class PagedListServer : IDisposable
{
    private readonly ConcurrentQueue<PageRequest> requests = new();
    private readonly RawHttpServer server;

    public PagedListServer(CallLogProvider provider, int count)
    {
        Provider = provider;
        Count = count;
        Answer = (request, connection) => PageAsync(request, connection);
        server = RawHttpServer.Start(ServeAsync);
    }

    public CallLogProvider Provider { get; }

    public int Count { get; }

    public RawHttpServer Raw => server;

    /// <summary>Every list request received so far, in arrival order.</summary>
    public IReadOnlyList<PageRequest> Requests => [.. requests];

    /// <summary>What the server does with a request; default <see cref="PageAsync"/>.</summary>
    public Func<PageRequest, RawConnection, Task> Answer { get; set; }

    /// <summary>How many items the page at (offset, limit asked) holds at most; default the limit asked.</summary>
    public Func<int, int, int> ItemsOnPage { get; set; } = (_, limit) => limit;

    /// <summary>The ids of every item, in list order.</summary>
    public IReadOnlyList<string> Ids => [.. Enumerable.Range(0, Count).Select(IdOf)];

    /// <summary>The offsets of the pages the provider's paging leads through, from 0 to the last page.</summary>
    public IReadOnlyList<int> Chain(int limit)
    {
        var chain = new List<int>();
        var offset = 0;
        while (true)
        {
            chain.Add(offset);
            var next = offset + Math.Min(ItemsOnPage(offset, limit), Math.Max(0, Count - offset));
            if (next >= Count)
            {
                return chain;
            }

            offset = next;
        }
    }

    /// <summary>Answers with the page the provider would send.</summary>
    public async Task PageAsync(PageRequest request, RawConnection connection)
    {
        var first = Math.Min(request.Offset, Count);
        var end = Math.Min(first + ItemsOnPage(request.Offset, request.Limit), Count);
        await connection.RespondAsync(200, Body(first, end, more: end < Count));
        request.Answered.TrySetResult();
    }

    /// <summary>Answers with an error status and the provider's error body.</summary>
    public async Task FailAsync(PageRequest request, RawConnection connection, int status)
    {
        var body = Provider == CallLogProvider.Pipedrive
            ? """{"success":false,"error":"unauthorized access","errorCode":401,"error_info":"Please check developers.pipedrive.com."}"""
            : """{"error":"Unauthorized"}""";
        await connection.RespondAsync(status, body);
        request.Answered.TrySetResult();
    }

    /// <summary>Sends nothing until the client closes the connection, then marks the request <see cref="PageRequest.Closed"/>.</summary>
    public static async Task HoldUntilClosedAsync(PageRequest request, RawConnection connection)
    {
        await connection.WaitForCloseAsync();
        request.Closed.TrySetResult();
    }

    /// <summary>Waits (in real time, bounded by the hang guard) until <paramref name="condition"/> holds.</summary>
    public async Task WaitUntilAsync(Func<IReadOnlyList<PageRequest>, bool> condition)
    {
        using var guard = new CancellationTokenSource(ClockDriver.HangGuard);
        while (!condition(Requests))
        {
            await Task.Delay(5, guard.Token);
        }
    }

    public string IdOf(int index) => Provider == CallLogProvider.Pipedrive
        ? "c" + index.ToString(CultureInfo.InvariantCulture)
        : "acti_" + index.ToString(CultureInfo.InvariantCulture);

    public void Dispose() => server.Dispose();

    private Task ServeAsync(RawRequest raw, RawConnection connection)
    {
        var query = HttpUtility.ParseQueryString(new Uri(new Uri("http://x"), raw.Target).Query);
        var (offsetName, limitName) = Provider == CallLogProvider.Pipedrive ? ("start", "limit") : ("_skip", "_limit");
        var request = new PageRequest(
            int.Parse(query[offsetName]!, CultureInfo.InvariantCulture), int.Parse(query[limitName]!, CultureInfo.InvariantCulture));
        requests.Enqueue(request);
        return Answer(request, connection);
    }

    private string Body(int first, int end, bool more)
    {
        var items = new StringBuilder();
        for (var i = first; i < end; i++)
        {
            items.Append(i == first ? "" : ",").Append(Provider == CallLogProvider.Pipedrive
                ? $$"""{"id":"{{IdOf(i)}}"}"""
                : $$"""{"id":"{{IdOf(i)}}","_type":"Call"}""");
        }

        var flag = more ? "true" : "false";
        return Provider == CallLogProvider.Pipedrive
            ? $$"""{"success":true,"data":[{{items}}],"additional_data":{"pagination":{"start":{{first}},"limit":{{end - first}},"more_items_in_collection":{{flag}},"next_start":{{end}}""" + "}}}"
            : $$"""{"data":[{{items}}],"has_more":{{flag}}}""";
    }
}
