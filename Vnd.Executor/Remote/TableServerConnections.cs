using Vnd.Planner.Distributed;

namespace Vnd.Executor.Remote;

/// <summary>
/// The open table-server connections of a coordinator or of a table server that reads other sites' fragments:
/// one <see cref="TableServerClient"/> per site and endpoint, shared by all queries, closed with the owner.
/// </summary>
public sealed class TableServerConnections(string token) : IDisposable
{
    private readonly Dictionary<(Site, string), TableServerClient> _clients = [];
    private readonly List<TableServerClient> _retired = [];
    private readonly Lock _lock = new();

    public TableServerClient For(Site site, Uri endpoint)
    {
        lock (_lock)
        {
            var key = (site, endpoint.ToString());
            if (_clients.TryGetValue(key, out var client) && client.Broken)
            {
                // Queries still reading through it keep it until the pool closes; new ones get a fresh channel.
                _retired.Add(client);
                client = null;
            }
            if (client is null)
                _clients[key] = client = new TableServerClient(site, endpoint, token);
            return client;
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            foreach (var client in _clients.Values.Concat(_retired))
                client.Dispose();
            _clients.Clear();
            _retired.Clear();
        }
    }
}
