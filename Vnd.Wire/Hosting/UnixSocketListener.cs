using System.Net.Sockets;

namespace Vnd.Wire.Hosting;

/// <summary>
/// The Unix-domain listening socket of <see cref="PgServerOptions.UnixSocketDirectory"/>, named as PostgreSQL names
/// its own (<c>.s.PGSQL.&lt;port&gt;</c>) so that <c>psql -h DIR -p PORT</c> and Npgsql's <c>Host=DIR</c> find it.
/// </summary>
internal static class UnixSocketListener
{
    /// <summary>The socket file for <paramref name="port"/> in <paramref name="directory"/>.</summary>
    public static string PathFor(string directory, int port) => Path.Combine(directory, $".s.PGSQL.{port}");

    /// <summary>
    /// Binds and listens on the socket file. A file left by a server that died without removing it is replaced; one
    /// that still accepts connections belongs to a running server and is an error, as binding a taken port is.
    /// </summary>
    public static Socket Listen(string path, int backlog)
    {
        var endPoint = new UnixDomainSocketEndPoint(path);
        if (File.Exists(path))
        {
            if (Answers(endPoint))
                throw new IOException($"{path} is in use by another server");
            File.Delete(path);
        }

        var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            listener.Bind(endPoint);
            // Who may connect is decided by authentication, as for TCP (PostgreSQL's default permissions, 0777).
            if (!OperatingSystem.IsWindows())
                File.SetUnixFileMode(path, (UnixFileMode)0b111_111_111);
            listener.Listen(backlog);
            return listener;
        }
        catch
        {
            listener.Dispose();
            throw;
        }
    }

    /// <summary>Removes the socket file, so that the next server on the port does not find a stale one.</summary>
    public static void Remove(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Replaced at the next start anyway.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static bool Answers(UnixDomainSocketEndPoint endPoint)
    {
        using var probe = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            probe.Connect(endPoint);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
