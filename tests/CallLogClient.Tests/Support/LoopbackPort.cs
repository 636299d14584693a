using System.Net;
using System.Net.Sockets;

namespace CallLogClient.Tests.Support;

/// <summary>
/// A loopback port nothing listens on (connections are refused) until <see cref="ForwardTo"/> starts relaying it to
/// another server: lets a test see a call that could not connect, then one that could, on the same address.
/// </summary>
public sealed class LoopbackPort : IDisposable
{
    private readonly CancellationTokenSource stop = new();
    private TcpListener? listener;

    public LoopbackPort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
    }

    public int Port { get; }

    public Uri Uri => new($"http://127.0.0.1:{Port}/");

    /// <summary>Starts accepting on the port and relays every connection to <paramref name="target"/>.</summary>
    public void ForwardTo(Uri target)
    {
        listener = new TcpListener(IPAddress.Loopback, Port);
        listener.Start();
        _ = AcceptAsync(listener, target);
    }

    public void Dispose()
    {
        stop.Cancel();
        listener?.Stop();
        stop.Dispose();
    }

    private async Task AcceptAsync(TcpListener server, Uri target)
    {
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var inbound = await server.AcceptTcpClientAsync(stop.Token);
                _ = RelayAsync(inbound, target);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopped.
        }
    }

    private async Task RelayAsync(TcpClient inbound, Uri target)
    {
        using (inbound)
        using (var outbound = new TcpClient())
        {
            try
            {
                await outbound.ConnectAsync(target.Host, target.Port, stop.Token);
                var a = inbound.GetStream();
                var b = outbound.GetStream();
                await Task.WhenAny(a.CopyToAsync(b, stop.Token), b.CopyToAsync(a, stop.Token));
            }
            catch (Exception e) when (e is OperationCanceledException or IOException or SocketException)
            {
                // A side closed.
            }
        }
    }
}
