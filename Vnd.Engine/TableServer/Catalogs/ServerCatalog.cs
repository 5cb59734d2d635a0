using Apache.Arrow.Flight;
using Vnd.Executor;
using Vnd.Executor.Remote;

namespace Vnd.Engine.TableServer.Catalogs;

/// <summary>
/// One table server's last ListFlights answer, converted once: the tables it holds (every tenant's), the catalog
/// version the answer is as of (null: unknown), and when it was last confirmed current (<see cref="Environment.TickCount64"/>).
/// The tables are indexed by schema and name, because every statement looks up its tenant's tables and a table
/// server may hold thousands of them, most belonging to other tenants.
/// </summary>
public sealed record ServerCatalog(string? Version, IReadOnlyList<ReportedTable> Tables, long CheckedAt)
{
    private readonly Dictionary<string, Dictionary<string, ReportedTable>> _bySchema = Index(Tables);

    public static ServerCatalog Empty { get; } = new(null, [], long.MinValue);

    /// <summary>The tables of <paramref name="schema"/> (a tenant's), in no particular order.</summary>
    public IReadOnlyCollection<ReportedTable> InSchema(string schema) =>
        _bySchema.TryGetValue(schema, out var tables) ? tables.Values : [];

    public IReadOnlyCollection<string> Schemas => _bySchema.Keys;

    public ReportedTable? Find(string schema, string name) =>
        _bySchema.TryGetValue(schema, out var tables) ? tables.GetValueOrDefault(name) : null;

    /// <summary>The stamps of the tables held, for the next listing's criteria (<see cref="TableStamp"/>).</summary>
    public IReadOnlyCollection<ulong> Stamps()
    {
        var stamps = new List<ulong>(Tables.Count);
        foreach (var table in Tables)
        {
            if (table.Stamp is { } stamp)
                stamps.Add(stamp);
        }
        return stamps;
    }

    /// <summary>
    /// The catalog of a ListFlights answer; a table described in a way this server cannot bind is left out. A bare
    /// unchanged entry takes <paramref name="known"/>'s table of that stamp; null when it has none (the answer
    /// cannot be completed, so the caller lists everything again).
    /// </summary>
    public static ServerCatalog? Of(IReadOnlyList<FlightInfo> answer, string? version, long now, ServerCatalog? known = null)
    {
        var tables = new List<ReportedTable>(answer.Count);
        foreach (var info in answer)
        {
            var path = info.Descriptor.Paths.ToList();
            if (path.Count != 2)
                continue;
            var stamp = TableStamp.Read(info.Schema);
            if (TableStamp.IsUnchanged(info.Schema))
            {
                if (known?.Find(path[0], path[1]) is not { } held || held.Stamp != stamp)
                    return null;
                tables.Add(held);
                continue;
            }
            try
            {
                tables.Add(new ReportedTable(info, FlightTableDefinition.Of(info, path[0], path[1]), FlightStatistics.Statistics(info), stamp));
            }
            catch (ExecutionException)
            {
                // A column type this control server does not know (a newer table server): the table is not offered.
            }
        }
        return new ServerCatalog(version, tables, now);
    }

    private static Dictionary<string, Dictionary<string, ReportedTable>> Index(IReadOnlyList<ReportedTable> tables)
    {
        var index = new Dictionary<string, Dictionary<string, ReportedTable>>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            if (!index.TryGetValue(table.Schema, out var schema))
                index[table.Schema] = schema = new Dictionary<string, ReportedTable>(StringComparer.Ordinal);
            schema[table.Name] = table;
        }
        return index;
    }
}
