using System.Globalization;

namespace Vnd.Engine.TableServer.Registration;

/// <summary>
/// The table servers that registered with this control server, when each last heartbeat and the catalog version it
/// reported. One whose heartbeats stopped for longer than <paramref name="grace"/> is down: queries touching its
/// capture points fail at once rather than after a connection timeout, and its tables stay placed (naming the
/// capture point in the error) until it heartbeats again — or until it has been silent for
/// <paramref name="forgetAfter"/>: a server retired for good must not keep its tables in every tenant's catalog
/// forever, so it is then dropped, with a line in <paramref name="log"/>. Registering an endpoint again is a heartbeat.
/// </summary>
public sealed class TableServerRegistry(TimeSpan grace, TimeSpan forgetAfter, TimeProvider clock, RegistrationLog? log = null)
{
    /// <summary>The default of <c>--forget-after</c>: a day, long enough for any restart or repair.</summary>
    public static readonly TimeSpan DefaultForgetAfter = TimeSpan.FromDays(1);

    private readonly Dictionary<string, (Uri Endpoint, long LastHeartbeat, string? Version)> _servers = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public TableServerRegistry(TimeSpan grace)
        : this(grace, DefaultForgetAfter, TimeProvider.System)
    {
    }

    public TimeSpan Grace => grace;

    /// <summary>
    /// Records a heartbeat of <paramref name="endpoint"/> carrying its <paramref name="catalogVersion"/>; true when
    /// the server is new or was down (worth a log line).
    /// </summary>
    public bool Heartbeat(Uri endpoint, string? catalogVersion = null)
    {
        var now = clock.GetTimestamp();
        lock (_lock)
        {
            var key = endpoint.ToString();
            var news = !_servers.TryGetValue(key, out var known) || clock.GetElapsedTime(known.LastHeartbeat, now) > grace;
            _servers[key] = (endpoint, now, catalogVersion);
            return news;
        }
    }

    /// <summary>Every server registered and not forgotten, with whether it is alive now; forgets the long-silent ones.</summary>
    public IReadOnlyList<RegisteredTableServer> Servers()
    {
        var now = clock.GetTimestamp();
        lock (_lock)
        {
            var servers = new List<RegisteredTableServer>(_servers.Count);
            List<string>? forgotten = null;
            foreach (var (key, (endpoint, last, version)) in _servers)
            {
                var silence = clock.GetElapsedTime(last, now);
                if (silence > forgetAfter)
                    (forgotten ??= []).Add(key);
                else
                    servers.Add(new RegisteredTableServer(endpoint, silence, silence <= grace, version));
            }
            foreach (var key in forgotten ?? [])
            {
                var silence = clock.GetElapsedTime(_servers[key].LastHeartbeat, now);
                _servers.Remove(key);
                log?.Write($"table server {new Uri(key).Authority} forgotten: no heartbeat for {silence.TotalSeconds.ToString("F0", CultureInfo.InvariantCulture)} s");
            }
            return servers;
        }
    }
}
