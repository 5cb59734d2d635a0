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
