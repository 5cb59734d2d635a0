namespace Vnd.Engine.TableServer.Registration;

/// <summary>
/// The table servers that registered with this control server and when each last heartbeat. One whose heartbeats
/// stopped for longer than <paramref name="grace"/> is down: queries touching its capture points fail at once
/// rather than after a connection timeout. It is never forgotten, so its tables stay placed (and name the capture
/// point in the error) until it heartbeats again. Registering an endpoint again is a heartbeat.
/// </summary>
public sealed class TableServerRegistry(TimeSpan grace, TimeProvider clock)
{
    private readonly Dictionary<string, (Uri Endpoint, long LastHeartbeat)> _servers = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public TableServerRegistry(TimeSpan grace)
        : this(grace, TimeProvider.System)
    {
    }

    public TimeSpan Grace => grace;

    /// <summary>Records a heartbeat of <paramref name="endpoint"/>; true when it is new or was down (worth a log line).</summary>
    public bool Heartbeat(Uri endpoint)
    {
        var now = clock.GetTimestamp();
        lock (_lock)
        {
            var key = endpoint.ToString();
            var news = !_servers.TryGetValue(key, out var known) || clock.GetElapsedTime(known.LastHeartbeat, now) > grace;
            _servers[key] = (endpoint, now);
            return news;
        }
    }

    /// <summary>Every server that ever registered, with whether it is alive now.</summary>
    public IReadOnlyList<RegisteredTableServer> Servers()
    {
        var now = clock.GetTimestamp();
        lock (_lock)
        {
            var servers = new List<RegisteredTableServer>(_servers.Count);
            foreach (var (endpoint, last) in _servers.Values)
            {
                var silence = clock.GetElapsedTime(last, now);
                servers.Add(new RegisteredTableServer(endpoint, silence, silence <= grace));
            }
            return servers;
        }
    }
}
