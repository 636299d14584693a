using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace CallLogClient.Benchmarks.Paging;

/// <summary>
/// A loopback server (<see cref="HttpListener"/>) answering Pipedrive's <c>GET /v1/callLogs</c> and Close's
/// <c>GET /api/v1/activity/call/</c> for a list of <c>count</c> items, taking <c>delay</c> before each page as a distant
/// server would. Requests are served concurrently, so pages asked for together take the delay together.
/// </summary>
internal sealed class SlowPagedServer : IDisposable
{
    private readonly HttpListener listener = new();
    private readonly CancellationTokenSource stop = new();
    private readonly int count;
    private readonly TimeSpan delay;
    private int requests;

    public SlowPagedServer(int count, TimeSpan delay)
    {
        this.count = count;
        this.delay = delay;
        var port = FreePort();
        BaseUri = new Uri($"http://127.0.0.1:{port}/");
        listener.Prefixes.Add(BaseUri.ToString());
        listener.Start();
        _ = AcceptAsync();
    }

    public Uri BaseUri { get; }

    /// <summary>How many page requests the server has received.</summary>
    public int Requests => Volatile.Read(ref requests);

    public void Dispose()
    {
        stop.Cancel();
        listener.Close();
        stop.Dispose();
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private async Task AcceptAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = ServeAsync(context);
        }
    }

    private async Task ServeAsync(HttpListenerContext context)
    {
        Interlocked.Increment(ref requests);
        var query = context.Request.QueryString;
        var close = context.Request.Url!.AbsolutePath.Contains("/activity/call", StringComparison.Ordinal);
        var offset = int.Parse(query[close ? "_skip" : "start"]!, CultureInfo.InvariantCulture);
        var limit = int.Parse(query[close ? "_limit" : "limit"]!, CultureInfo.InvariantCulture);
        try
        {
            await Task.Delay(delay, stop.Token);
            var body = Encoding.UTF8.GetBytes(close ? ClosePage(offset, limit) : PipedrivePage(offset, limit));
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/json";
            context.Response.ContentLength64 = body.Length;
            await context.Response.OutputStream.WriteAsync(body, stop.Token);
            context.Response.Close();
        }
        catch (Exception e) when (e is OperationCanceledException or HttpListenerException or ObjectDisposedException or IOException)
        {
            context.Response.Abort(); // the client gave the request up, or the server stops
        }
    }

    private string PipedrivePage(int start, int limit)
    {
        var end = Math.Min(start + limit, count);
        var items = new StringBuilder();
        for (var i = start; i < end; i++)
        {
            items.Append(i == start ? "" : ",").Append(CultureInfo.InvariantCulture,
                $$"""{"id":"cl{{i}}","activity_id":{{i}},"person_id":42,"outcome":"connected","to_phone_number":"+15555550100","from_phone_number":"+15555550199","start_time":"2024-01-15T10:00:00.000Z","end_time":"2024-01-15T10:01:15.000Z","duration":"75","subject":"Call","note":"<p>Asked for a quote.</p>","has_recording":false}""");
        }

        var more = end < count ? "true" : "false";
        return string.Create(CultureInfo.InvariantCulture,
            $$"""{"success":true,"data":[{{items}}],"additional_data":{"pagination":{"start":{{start}},"limit":{{limit}},"more_items_in_collection":{{more}},"next_start":{{end}}""") + "}}}";
    }

    private string ClosePage(int skip, int limit)
    {
        var end = Math.Min(skip + limit, count);
        var items = new StringBuilder();
        for (var i = skip; i < end; i++)
        {
            items.Append(i == skip ? "" : ",").Append(CultureInfo.InvariantCulture,
                $$"""{"id":"acti_{{i}}","_type":"Call","lead_id":"lead_1","direction":"outbound","status":"completed","duration":75,"phone":"+15555550100","note":"Asked for a quote.","date_created":"2024-01-15T10:00:00.000000+00:00","activity_at":"2024-01-15T10:00:00+00:00"}""");
        }

        return string.Create(CultureInfo.InvariantCulture, $$"""{"data":[{{items}}],"has_more":{{(end < count ? "true" : "false")}}}""");
    }
}
