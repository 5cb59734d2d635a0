using Apache.Arrow.Flight;
using Vnd.Executor.Remote;
using Vnd.Planner.Catalog;
using Vnd.Planner.Distributed;

namespace Vnd.Engine.TableServer.Catalogs;

/// <summary>
/// A trace table as a table server reported it: the Flight answer, the table the binder sees, the statistics
/// placement gives the planner (read from the answer once, when it arrives) and the answer's <see cref="TableStamp"/>
/// (null from a server that sends none), which the next listing quotes so that an unchanged table is not sent again.
/// </summary>
public sealed record ReportedTable(FlightInfo Info, TableDefinition Definition, TableSiteStatistics Statistics, ulong? Stamp)
{
    public string Schema => Definition.Schema;

    public string Name => Definition.Name;
}
