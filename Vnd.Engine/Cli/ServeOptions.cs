using System.Net;

namespace Vnd.Engine.Cli;

/// <summary>What <c>vnd serve</c> was asked for.</summary>
public sealed record ServeOptions(DirectoryInfo Data, IPEndPoint Listen, FileInfo? Cloud, bool NoTls, string AdminUser, string? AdminPassword);
