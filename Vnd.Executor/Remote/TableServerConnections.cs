using Vnd.Planner.Distributed;

namespace Vnd.Executor.Remote;

/// <summary>
/// The open table-server connections of a coordinator or of a table server that reads other sites' fragments:
/// one <see cref="TableServerClient"/> per site and endpoint, shared by all queries, closed with the owner.
/// </summary>
public sealed class TableServerConnections(string token) : IDisposable
{
    private readonly Dictionary<(Site, string), TableServerClient> _clients = [];
    private readonly Lock _lock = new();

    public TableServerClient For(Site site, Uri endpoint)
    {
        lock (_lock)
        {
            var key = (site, endpoint.ToString());
            if (!_clients.TryGetValue(key, out var client))
                _clients[key] = client = new TableServerClient(site, endpoint, token);
            return client;
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            foreach (var client in _clients.Values)
                client.Dispose();
            _clients.Clear();
        }
    }
}
