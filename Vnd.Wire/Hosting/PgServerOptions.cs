using System.Net;
using System.Security.Cryptography.X509Certificates;
using Vnd.Wire.Auth;
using Vnd.Wire.Protocol;

namespace Vnd.Wire.Hosting;

/// <summary>Server configuration; the host sets it before <see cref="PgServer.StartAsync"/>.</summary>
public sealed class PgServerOptions
{
    /// <summary>Where to listen (port 0 = pick a free port; see <see cref="PgServer.LocalEndPoints"/>).</summary>
    public IList<IPEndPoint> EndPoints { get; } = [];

    /// <summary>
    /// A directory to also listen in on a Unix-domain socket named <c>.s.PGSQL.&lt;port&gt;</c> (the first endpoint's
    /// bound port), where libpq and Npgsql look for it when given the directory as host (PostgreSQL's
    /// unix_socket_directories); null = TCP only.
    /// </summary>
    public string? UnixSocketDirectory { get; set; }

    /// <summary>
    /// SO_SNDBUF asked for on each accepted Unix-domain connection; 0 = the system's default
    /// (<c>net.core.wmem_default</c>, 208 KiB on Linux). A Unix stream socket queues at most its sender's SO_SNDBUF,
    /// where loopback TCP autotunes to ~4 MB, so with the default a client reading a large result and this server
    /// each wait for the other every ~200 KB. Linux doubles the value asked for and caps the request at
    /// <c>net.core.wmem_max</c>.
    /// </summary>
    public int UnixSocketSendBufferBytes { get; set; } = DefaultUnixSocketSendBufferBytes;

    /// <summary>4 MiB: in the order of what loopback TCP autotunes to (<c>net.ipv4.tcp_wmem</c>'s maximum).</summary>
    public const int DefaultUnixSocketSendBufferBytes = 4 << 20;

    /// <summary>TLS certificate with private key; null = answer SSLRequest with 'N'.</summary>
    public X509Certificate2? Certificate { get; set; }

    public PgAuthMethod AuthMethod { get; set; } = PgAuthMethod.ScramSha256;

    /// <summary>Total sessions (PostgreSQL max_connections), including the admin-reserved ones.</summary>
    public int MaxConnections { get; set; } = 100;

    /// <summary>Slots only admins may take (PostgreSQL superuser_reserved_connections).</summary>
    public int ReservedAdminConnections { get; set; } = 3;

    /// <summary>Sessions per non-admin user; 0 = no per-user limit.</summary>
    public int MaxConnectionsPerUser { get; set; }

    /// <summary>Largest tagged message accepted after startup (see <see cref="ProtocolLimits.DefaultMaxMessageLength"/>).</summary>
    public int MaxMessageLength { get; set; } = ProtocolLimits.DefaultMaxMessageLength;

    /// <summary>Reported as server_version; clients parse the leading number to pick their catalog queries.</summary>
    public string ServerVersion { get; set; } = "16.4 (VND)";

    /// <summary>Session time zone unless the client sends TimeZone in its startup packet.</summary>
    public string DefaultTimeZone { get; set; } = "UTC";

    /// <summary>Time allowed from connect to authenticated session (PostgreSQL authentication_timeout).</summary>
    public TimeSpan AuthenticationTimeout { get; set; } = TimeSpan.FromSeconds(60);
}
