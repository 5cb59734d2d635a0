namespace Vnd.Engine.TableServer.Catalogs;

/// <summary>
/// What a placement was built from: each table server's endpoint, whether it was down, and its listed tables (the
/// list object itself, which a refresh replaces and a mere recheck keeps). The placement stays right exactly as long
/// as a statement finds the same.
/// </summary>
public sealed class PlacementBasis
{
    private readonly (Uri Endpoint, string? Down, IReadOnlyList<ReportedTable> Tables)[] _servers;

    private PlacementBasis((Uri, string?, IReadOnlyList<ReportedTable>)[] servers) => _servers = servers;

    public static PlacementBasis Of(IReadOnlyList<(Uri Endpoint, string? Down, ServerCatalog Catalog)> catalogs)
    {
        var servers = new (Uri, string?, IReadOnlyList<ReportedTable>)[catalogs.Count];
        for (var i = 0; i < servers.Length; i++)
            servers[i] = (catalogs[i].Endpoint, catalogs[i].Down, catalogs[i].Catalog.Tables);
        return new PlacementBasis(servers);
    }

    public bool Matches(IReadOnlyList<(Uri Endpoint, string? Down, ServerCatalog Catalog)> catalogs)
    {
        if (catalogs.Count != _servers.Length)
            return false;
        for (var i = 0; i < _servers.Length; i++)
        {
            var (endpoint, down, tables) = _servers[i];
            if (catalogs[i].Endpoint != endpoint || catalogs[i].Down != down || !ReferenceEquals(catalogs[i].Catalog.Tables, tables))
                return false;
        }
        return true;
    }
}
