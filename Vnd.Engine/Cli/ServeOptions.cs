using System.Net;

namespace Vnd.Engine.Cli;

/// <summary>What <c>vnd serve</c> was asked for.</summary>
/// <param name="SeedDemo">fill the data directory with the demo cloud's generated traffic before serving (the default without --cloud)</param>
/// <param name="MaxConnections">sessions in total (the admin keeps reserved slots beyond tenants')</param>
public sealed record ServeOptions(DirectoryInfo Data, IPEndPoint Listen, FileInfo? Cloud, bool NoTls, string AdminUser, string? AdminPassword,
    bool SeedDemo = false, int MaxConnections = 100);
