using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace CallLogClient.Tests.Support;

/// <summary>
/// A scripted HTTP/1.1 server on a free loopback port, for what WireMock.Net cannot do: answer with raw bytes, break the
/// connection in the ways of <see cref="TransportFault"/> (a real RST included), stall, redirect elsewhere, or send a
/// compressed bomb; requests it does not break it can forward to WireMock.Net. Each connection carries one request;
/// <c>answer</c> writes the response (or misbehaves) and the connection is closed after it.
/// </summary>
public sealed class RawHttpServer : IDisposable
{
    private readonly TcpListener listener;
    private readonly Func<RawRequest, RawConnection, Task> answer;
    private readonly CancellationTokenSource stop = new();
    private readonly ConcurrentQueue<RawRequest> requests = new();

    private RawHttpServer(Func<RawRequest, RawConnection, Task> answer)
    {
        this.answer = answer;
        listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        _ = AcceptAsync();
    }

    public Uri BaseUri => new($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/");

    /// <summary>Every request received so far, in arrival order.</summary>
    public IReadOnlyList<RawRequest> Requests => [.. requests];

    /// <summary>How many requests so far had this method and exactly this target (path and query as sent).</summary>
    public int Count(string method, string target) => requests.Count(r => r.Method == method && r.Target == target);

    /// <summary>Starts a server that runs <paramref name="answer"/> for every request it receives.</summary>
    public static RawHttpServer Start(Func<RawRequest, RawConnection, Task> answer) => new(answer);

    /// <summary>Starts a server that answers every request with <paramref name="status"/> and <paramref name="json"/>.</summary>
    public static RawHttpServer Answering(int status, string json) => new((_, connection) => connection.RespondAsync(status, json));

    /// <summary>Starts a server whose i-th request gets answer i; the last answer repeats.</summary>
    public static RawHttpServer Sequence(params Func<RawRequest, RawConnection, Task>[] answers)
    {
        var served = 0;
        return new((request, connection) => answers[Math.Min(Interlocked.Increment(ref served), answers.Length) - 1](request, connection));
    }

    public void Dispose()
    {
        stop.Cancel();
        listener.Stop();
        stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var client = await listener.AcceptTcpClientAsync(stop.Token);
                _ = ServeAsync(client);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopped.
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var request = await RawRequest.ReadAsync(stream, stop.Token);
                if (request is null)
                {
                    return;
                }

                requests.Enqueue(request);
                await answer(request, new RawConnection(client, stream, stop.Token));
            }
            catch (Exception e) when (e is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
            {
                // The client or the test went away.
            }
        }
    }
}

/// <summary>One request as it arrived: request line, headers (names case-insensitive) and the de-chunked body.</summary>
public sealed class RawRequest
{
    public required string Method { get; init; }

    /// <summary>The request target: path and query, as sent.</summary>
    public required string Target { get; init; }

    public required IReadOnlyDictionary<string, string> Headers { get; init; }

    public required byte[] Body { get; init; }

    public string BodyText => Encoding.UTF8.GetString(Body);

    public string Path => Target.Split('?')[0];

    internal static async Task<RawRequest?> ReadAsync(Stream stream, CancellationToken cancellationToken)
    {
        var reader = new LineReader(stream);
        var requestLine = await reader.ReadLineAsync(cancellationToken);
        if (string.IsNullOrEmpty(requestLine))
        {
            return null;
        }

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var line = await reader.ReadLineAsync(cancellationToken); !string.IsNullOrEmpty(line); line = await reader.ReadLineAsync(cancellationToken))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
        }

        byte[] body;
        if (headers.TryGetValue("Transfer-Encoding", out var encoding) && encoding.Contains("chunked", StringComparison.OrdinalIgnoreCase))
        {
            using var collected = new MemoryStream();
            while (true)
            {
                var size = Convert.ToInt32((await reader.ReadLineAsync(cancellationToken))!.Split(';')[0], 16);
                if (size == 0)
                {
                    await reader.ReadLineAsync(cancellationToken);
                    break;
                }

                collected.Write(await reader.ReadBytesAsync(size, cancellationToken));
                await reader.ReadLineAsync(cancellationToken);
            }

            body = collected.ToArray();
        }
        else
        {
            var length = headers.TryGetValue("Content-Length", out var value) ? int.Parse(value, System.Globalization.CultureInfo.InvariantCulture) : 0;
            body = await reader.ReadBytesAsync(length, cancellationToken);
        }

        var parts = requestLine.Split(' ');
        return new RawRequest { Method = parts[0], Target = parts[1], Headers = headers, Body = body };
    }

    /// <summary>Reads CRLF lines and exact byte counts from a stream without reading past what it returns.</summary>
    private sealed class LineReader(Stream stream)
    {
        private readonly byte[] one = new byte[1];

        public async Task<string?> ReadLineAsync(CancellationToken cancellationToken)
        {
            var line = new List<byte>();
            while (await stream.ReadAsync(one, cancellationToken) == 1)
            {
                if (one[0] == '\n')
                {
                    return Encoding.Latin1.GetString([.. line]).TrimEnd('\r');
                }

                line.Add(one[0]);
            }

            return line.Count == 0 ? null : Encoding.Latin1.GetString([.. line]);
        }

        public async Task<byte[]> ReadBytesAsync(int count, CancellationToken cancellationToken)
        {
            var buffer = new byte[count];
            await stream.ReadExactlyAsync(buffer, cancellationToken);
            return buffer;
        }
    }
}

/// <summary>The server's side of one connection: answer properly, or misbehave.</summary>
public sealed class RawConnection(TcpClient client, NetworkStream stream, CancellationToken stopping)
{
    /// <summary>Writes a complete response; extra headers as <c>("Name", "value")</c>.</summary>
    public Task RespondAsync(int status, string? body = null, params (string Name, string Value)[] headers) =>
        RespondAsync(status, body is null ? [] : Encoding.UTF8.GetBytes(body), [("Content-Type", "application/json"), .. headers]);

    /// <summary>Writes a complete response with raw body bytes and exactly the headers given (plus Content-Length).</summary>
    public async Task RespondAsync(int status, byte[] body, IEnumerable<(string Name, string Value)> headers)
    {
        var head = new StringBuilder($"HTTP/1.1 {status} Status\r\n");
        foreach (var (name, value) in headers)
        {
            head.Append(name).Append(": ").Append(value).Append("\r\n");
        }

        head.Append("Content-Length: ").Append(body.Length).Append("\r\nConnection: close\r\n\r\n");
        await WriteAsync(Encoding.Latin1.GetBytes(head.ToString()));
        await WriteAsync(body);
    }

    /// <summary>Writes raw bytes as they are.</summary>
    public async Task WriteAsync(byte[] bytes)
    {
        await stream.WriteAsync(bytes, stopping);
        await stream.FlushAsync(stopping);
    }

    /// <summary>Closes with a TCP reset (RST) instead of an orderly close.</summary>
    public void Reset()
    {
        client.LingerState = new LingerOption(true, 0);
        client.Client.Close();
    }

    /// <summary>
    /// Sends nothing and completes when the client closes or resets the connection, as it does when it cancels the
    /// request, or when the server stops.
    /// </summary>
    public async Task WaitForCloseAsync()
    {
        var buffer = new byte[1];
        try
        {
            while (await stream.ReadAsync(buffer, stopping) > 0)
            {
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException)
        {
            // Reset by the client, or the server stopped.
        }
    }

    /// <summary>Keeps the connection open, sending nothing, until the server stops.</summary>
    public Task StallAsync() => Task.Delay(Timeout.Infinite, stopping);

    /// <summary>Breaks the exchange the way <paramref name="fault"/> says.</summary>
    public async Task FailAsync(TransportFault fault)
    {
        const string PartialBody = "{\"success\":true,\"da";
        switch (fault)
        {
            case TransportFault.ResetBeforeResponse:
                Reset();
                break;
            case TransportFault.CloseBeforeResponse:
                client.Client.Shutdown(SocketShutdown.Both);
                break;
            case TransportFault.ResetMidBody:
                await WriteAsync(Encoding.Latin1.GetBytes($"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{PartialBody}"));
                Reset();
                break;
            case TransportFault.CloseMidBody:
                await WriteAsync(Encoding.Latin1.GetBytes($"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n40\r\n{PartialBody}"));
                break;
            case TransportFault.GarbageThenClose:
                await WriteAsync([0x16, 0x03, 0x01, 0xFF, 0x00, 0x9C, 0x7F, 0x0D, 0x0A, 0x0D, 0x0A]);
                break;
            case TransportFault.StalledBody:
                await WriteAsync(Encoding.Latin1.GetBytes($"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{PartialBody}"));
                await StallAsync();
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(fault), fault, null);
        }
    }

    /// <summary>Relays <paramref name="request"/> to the server at <paramref name="target"/> and its answer back, byte for byte.</summary>
    public async Task ForwardAsync(RawRequest request, Uri target)
    {
        using var upstream = new TcpClient();
        await upstream.ConnectAsync(target.Host, target.Port, stopping);
        var head = new StringBuilder($"{request.Method} {request.Target} HTTP/1.1\r\n");
        foreach (var (name, value) in request.Headers.Where(h => h.Key is not ("Connection" or "Content-Length" or "Transfer-Encoding")))
        {
            head.Append(name).Append(": ").Append(value).Append("\r\n");
        }

        head.Append("Content-Length: ").Append(request.Body.Length).Append("\r\nConnection: close\r\n\r\n");
        var upstreamStream = upstream.GetStream();
        await upstreamStream.WriteAsync(Encoding.Latin1.GetBytes(head.ToString()), stopping);
        await upstreamStream.WriteAsync(request.Body, stopping);
        await upstreamStream.CopyToAsync(stream, stopping);
    }
}

/// <summary>
/// Transport failures WireMock.Net cannot produce (its faults answer 200). What .NET and the clients make of each is
/// asserted in Resilience/PipedriveFaultTests.
/// </summary>
public enum TransportFault
{
    /// <summary>A TCP reset right after the request, before any response byte (the old CONNECTION_RESET_BY_PEER fault).</summary>
    ResetBeforeResponse,

    /// <summary>An orderly close before any response byte (the old EMPTY_RESPONSE fault).</summary>
    CloseBeforeResponse,

    /// <summary>A 200 status line, headers and part of the body, then a TCP reset.</summary>
    ResetMidBody,

    /// <summary>A 200 with a chunked body whose first chunk is cut off, then a close (the old MALFORMED_RESPONSE_CHUNK fault).</summary>
    CloseMidBody,

    /// <summary>Bytes that are not HTTP, then a close (the old RANDOM_DATA_THEN_CLOSE fault).</summary>
    GarbageThenClose,

    /// <summary>A 200 status line, headers and part of the body, then nothing until the server stops.</summary>
    StalledBody,
}

/// <summary>Answers for <see cref="RawHttpServer.Start"/> and <see cref="RawHttpServer.Sequence"/>.</summary>
public static class RawAnswers
{
    public static Func<RawRequest, RawConnection, Task> Fault(TransportFault fault) => (_, connection) => connection.FailAsync(fault);

    public static Func<RawRequest, RawConnection, Task> Json(int status, string body, params (string Name, string Value)[] headers) =>
        (_, connection) => connection.RespondAsync(status, body, headers);

    /// <summary>Sends nothing until the server stops: a response slower than any timeout.</summary>
    public static Func<RawRequest, RawConnection, Task> Stall() => (_, connection) => connection.StallAsync();

    /// <summary>Relays the request to <paramref name="target"/> (e.g. WireMock.Net) and its answer back.</summary>
    public static Func<RawRequest, RawConnection, Task> ForwardTo(Uri target) => (request, connection) => connection.ForwardAsync(request, target);
}
