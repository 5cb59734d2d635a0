using System.Net;
using Vnd.Wire.Hosting;

namespace Vnd.Engine.Cli;

/// <summary>What <c>vnd serve</c> was asked for.</summary>
/// <param name="SeedDemo">fill the data directory with the demo cloud's generated traffic before serving (the default without --cloud)</param>
/// <param name="MaxConnections">sessions in total (the admin keeps reserved slots beyond tenants')</param>
/// <param name="MaxConnectionsPerTenant">sessions one tenant may hold at once (0: only the total limit)</param>
/// <param name="TableServers">the <c>vnd table-server</c> processes holding the trace tables (empty: in-process table servers)</param>
/// <param name="TableServerToken">the token shared with <paramref name="TableServers"/></param>
/// <param name="Registration">where table servers register and heartbeat (<c>--registration</c>; null: only <paramref name="TableServers"/>)</param>
/// <param name="HeartbeatGrace">how long a registered table server may stay silent before it counts as down</param>
/// <param name="ForgetAfter">how long a registered table server may stay silent before it is dropped from the registry (default a day)</param>
/// <param name="Pushdown">false (<c>--no-pushdown</c>): table servers only scan; filters, joins and aggregates run here</param>
/// <param name="QueryMemoryBytes">the memory one query may hold (hash tables, sorts, materialised rows) before 53200; null: half the machine's</param>
/// <param name="TotalQueryMemoryBytes">the memory all running queries may hold together; null: three quarters of the machine's</param>
/// <param name="UnixSocketDirectory">also listen on <c>DIR/.s.PGSQL.&lt;port&gt;</c> (<c>--unix-socket-dir</c>); null: TCP only</param>
/// <param name="UnixSocketSendBufferBytes">SO_SNDBUF of each Unix-domain connection (<c>--unix-socket-send-buffer-kb</c>; 0: the system's default)</param>
public sealed record ServeOptions(DirectoryInfo Data, IPEndPoint Listen, FileInfo? Cloud, bool NoTls, string AdminUser, string? AdminPassword,
    bool SeedDemo = false, int MaxConnections = 100, IReadOnlyList<Uri>? TableServers = null, string? TableServerToken = null,
    int MaxConnectionsPerTenant = 0, bool Pushdown = true, IPEndPoint? Registration = null, TimeSpan? HeartbeatGrace = null,
    TimeSpan? ForgetAfter = null, long? QueryMemoryBytes = null, long? TotalQueryMemoryBytes = null, string? UnixSocketDirectory = null,
    int UnixSocketSendBufferBytes = PgServerOptions.DefaultUnixSocketSendBufferBytes)
{
    /// <summary>The default <see cref="HeartbeatGrace"/>: three missed beats at the table server's default interval.</summary>
    public static readonly TimeSpan DefaultHeartbeatGrace = TimeSpan.FromSeconds(3);

    /// <summary>Trace tables live in table-server processes (listed or registering), not in this one.</summary>
    public bool Distributed => TableServers is { Count: > 0 } || Registration is not null;
}
