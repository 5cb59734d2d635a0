using Vnd.Engine.Control.Diagnoses;
using Vnd.Executor.Remote;

namespace Vnd.Engine.TableServer;

/// <summary>
/// Where a control server finds the table servers holding a tenant's trace tables: in its own process (the
/// embedded default, <see cref="EmbeddedTableServers"/>) or in <c>vnd table-server</c> processes
/// (<see cref="RemoteTableServers"/>). Asked once per statement, so a table a diagnosis just created is placed.
/// </summary>
public interface ITableServerDirectory
{
    /// <summary>
    /// The tenant's trace tables at their sites, with statistics, and the way to run fragments there;
    /// <paramref name="captured"/> says which capture point (and table server) fills each diagnosis's table.
    /// </summary>
    DistributedExecution For(string tenant, IReadOnlyList<DiagnosisTable> captured);
}
