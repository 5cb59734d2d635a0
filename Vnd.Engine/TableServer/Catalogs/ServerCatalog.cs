using Apache.Arrow.Flight;
using Vnd.Executor;
using Vnd.Executor.Remote;

namespace Vnd.Engine.TableServer.Catalogs;

/// <summary>
/// One table server's last ListFlights answer, converted once: the tables it holds (every tenant's), the catalog
/// version the answer is as of (null: unknown), and when it was last confirmed current (<see cref="Environment.TickCount64"/>).
/// </summary>
public sealed record ServerCatalog(string? Version, IReadOnlyList<ReportedTable> Tables, long CheckedAt)
{
    public static ServerCatalog Empty { get; } = new(null, [], long.MinValue);

    /// <summary>The catalog of a ListFlights answer; a table described in a way this server cannot bind is left out.</summary>
    public static ServerCatalog Of(IReadOnlyList<FlightInfo> answer, string? version, long now)
    {
        var tables = new List<ReportedTable>(answer.Count);
        foreach (var info in answer)
        {
            var path = info.Descriptor.Paths.ToList();
            if (path.Count != 2)
                continue;
            try
            {
                tables.Add(new ReportedTable(info, FlightTableDefinition.Of(info, path[0], path[1])));
            }
            catch (ExecutionException)
            {
                // A column type this control server does not know (a newer table server): the table is not offered.
            }
        }
        return new ServerCatalog(version, tables, now);
    }
}
