using System.Net;
using System.Net.Sockets;

namespace Archive.Testing;

/// <summary>
/// Free loopback TCP ports for test servers. Ports come from 20000-32767, below Linux's ephemeral range
/// (32768-60999): a port the OS handed out with bind(0) can be taken a moment later as the local end of some client
/// connection, and the server meant for it then fails with EADDRINUSE. Each test process starts at a random point of
/// the range and never hands out a port twice, so parallel test assemblies rarely reach for the same one.
/// </summary>
public static class FreePort
{
    private const int First = 20000;
    private const int Last = 32767;
    private static readonly object Gate = new();
    private static readonly HashSet<int> Given = [];
    private static int next = First + Random.Shared.Next(Last - First);

    /// <summary>A port nothing listens on or is bound to on 127.0.0.1 right now, not handed out before in this process.</summary>
    public static int Next()
    {
        lock (Gate)
        {
            for (var tries = 0; tries <= Last - First; tries++)
            {
                var port = next;
                next = next >= Last ? First : next + 1;
                if (Given.Contains(port) || !CanBind(port))
                {
                    continue;
                }

                Given.Add(port);
                return port;
            }
        }

        throw new InvalidOperationException($"No free loopback port between {First} and {Last}.");
    }

    /// <summary>Waits until something accepts TCP connections on 127.0.0.1:<paramref name="port"/>.</summary>
    public static async Task WaitUntilListeningAsync(int port, TimeSpan timeout, Func<bool>? hasExited = null)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (hasExited?.Invoke() == true)
            {
                throw new InvalidOperationException($"The process meant to listen on port {port} exited early.");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port).ConfigureAwait(false);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100).ConfigureAwait(false);
            }
        }

        throw new TimeoutException($"Nothing listened on 127.0.0.1:{port} within {timeout}.");
    }

    private static bool CanBind(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            listener.Stop();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
