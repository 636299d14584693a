using System.Globalization;

namespace CallLogClient.Benchmarks.Server;

/// <summary>
/// The endpoints the benchmarks call, answered as the providers answer them: the credential checked (401 without it),
/// the rate-limit headers on every response, JSON bodies with their Content-Length, request bodies read to the end.
/// </summary>
internal static class Routes
{
    private const string PipedriveBase = "/{delay:int}/pipedrive/v1";
    private const string CloseBase = "/{delay:int}/close/api/v1";

    public static void Map(WebApplication app, Payloads payloads)
    {
        app.MapGet(PipedriveBase + "/callLogs/{id}", (HttpContext context) =>
            Pipedrive(context, Fixed(payloads.PipedriveGet)));
        app.MapGet(PipedriveBase + "/callLogs", (HttpContext context, int delay, int start, int limit) =>
            Pipedrive(context, async token =>
            {
                await Delay(delay, token);
                return payloads.PipedrivePage(start, limit);
            }));
        app.MapPost(PipedriveBase + "/callLogs", (HttpContext context) =>
            Pipedrive(context, async token =>
            {
                await Drain(context, token);
                return payloads.PipedriveCreated;
            }, StatusCodes.Status201Created));
        app.MapPost(PipedriveBase + "/callLogs/{id}/recordings", (HttpContext context) =>
            Pipedrive(context, async token =>
            {
                if (context.Request.ContentType?.StartsWith("multipart/form-data", StringComparison.Ordinal) != true)
                {
                    throw new BadHttpRequestException("A recording is sent as multipart/form-data.");
                }

                await Drain(context, token);
                return payloads.PipedriveRecorded;
            }));

        app.MapGet(CloseBase + "/activity/call/{id}/", (HttpContext context) =>
            Close(context, Fixed(payloads.CloseGet)));
        app.MapGet(CloseBase + "/activity/call/", (HttpContext context, int delay, int _skip, int _limit) =>
            Close(context, async token =>
            {
                await Delay(delay, token);
                return payloads.ClosePage(_skip, _limit);
            }));
    }

    private static Task Pipedrive(HttpContext context, Func<CancellationToken, Task<byte[]>> body, int status = StatusCodes.Status200OK)
    {
        var headers = context.Response.Headers;
        headers["x-ratelimit-limit"] = "40";
        headers["x-ratelimit-remaining"] = "39";
        headers["x-ratelimit-reset"] = "2";
        return context.Request.Headers.ContainsKey("x-api-token")
            ? WriteAsync(context, status, body)
            : WriteAsync(context, StatusCodes.Status401Unauthorized, Fixed("""{"success":false,"error":"unauthorized access","errorCode":401}"""u8.ToArray()));
    }

    private static Task Close(HttpContext context, Func<CancellationToken, Task<byte[]>> body)
    {
        context.Response.Headers["RateLimit"] = "limit=100, remaining=50, reset=5";
        return context.Request.Headers.Authorization.ToString().StartsWith("Basic ", StringComparison.Ordinal)
            ? WriteAsync(context, StatusCodes.Status200OK, body)
            : WriteAsync(context, StatusCodes.Status401Unauthorized, Fixed("""{"error":"Unauthorized"}"""u8.ToArray()));
    }

    private static async Task WriteAsync(HttpContext context, int status, Func<CancellationToken, Task<byte[]>> body)
    {
        var token = context.RequestAborted;
        var bytes = await body(token);
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes, token);
    }

    private static Func<CancellationToken, Task<byte[]>> Fixed(byte[] body)
    {
        var answer = Task.FromResult(body);
        return _ => answer;
    }

    private static Task Delay(int milliseconds, CancellationToken token) =>
        milliseconds > 0 ? Task.Delay(milliseconds, token) : Task.CompletedTask;

    private static async Task Drain(HttpContext context, CancellationToken token)
    {
        var buffer = new byte[64 * 1024];
        long total = 0;
        int read;
        while ((read = await context.Request.Body.ReadAsync(buffer, token)) > 0)
        {
            total += read;
        }

        context.Response.Headers["X-Received-Bytes"] = total.ToString(CultureInfo.InvariantCulture);
    }
}
