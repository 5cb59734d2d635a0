using System.Net;

namespace Vnd.Engine.Cli;

/// <summary>What <c>vnd serve</c> was asked for.</summary>
/// <param name="SeedDemo">fill the data directory with the demo cloud's generated traffic before serving (the default without --cloud)</param>
/// <param name="MaxConnections">sessions in total (the admin keeps reserved slots beyond tenants')</param>
/// <param name="MaxConnectionsPerTenant">sessions one tenant may hold at once (0: only the total limit)</param>
/// <param name="TableServers">the <c>vnd table-server</c> processes holding the trace tables (empty: in-process table servers)</param>
/// <param name="TableServerToken">the token shared with <paramref name="TableServers"/></param>
public sealed record ServeOptions(DirectoryInfo Data, IPEndPoint Listen, FileInfo? Cloud, bool NoTls, string AdminUser, string? AdminPassword,
    bool SeedDemo = false, int MaxConnections = 100, IReadOnlyList<Uri>? TableServers = null, string? TableServerToken = null,
    int MaxConnectionsPerTenant = 0);
