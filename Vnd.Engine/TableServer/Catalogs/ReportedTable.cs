using Apache.Arrow.Flight;
using Vnd.Planner.Catalog;

namespace Vnd.Engine.TableServer.Catalogs;

/// <summary>A trace table as a table server reported it: the Flight answer (for placement) and the table the binder sees.</summary>
public sealed record ReportedTable(FlightInfo Info, TableDefinition Definition)
{
    public string Schema => Definition.Schema;

    public string Name => Definition.Name;
}
