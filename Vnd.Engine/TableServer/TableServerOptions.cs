using System.Net;

namespace Vnd.Engine.TableServer;

/// <summary>How a table server runs: the data directory whose trace tables it serves, where it listens, the shared token.</summary>
public sealed record TableServerOptions(string DataDirectory, IPEndPoint Listen, string Token)
{
    /// <summary>Parses <c>host:port</c> (IPv4, or [IPv6]:port); port 0 picks a free one.</summary>
    public static IPEndPoint ParseListen(string text) =>
        IPEndPoint.TryParse(text, out var endpoint) && text.Contains(':', StringComparison.Ordinal)
            ? endpoint
            : throw new FormatException($"--listen expects host:port (e.g. 127.0.0.1:7400), got \"{text}\"");
}
