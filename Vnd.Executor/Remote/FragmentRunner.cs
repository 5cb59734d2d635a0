using Vnd.Executor.Operators;
using Vnd.Executor.PhysicalPlanning;
using Vnd.Planner.Distributed;
using Vnd.Planner.Logical;

namespace Vnd.Executor.Remote;

/// <summary>
/// Turns a fragment ticket into physical operators at one site: the site's own trace tables come from
/// <paramref name="localTables"/>, exchange inputs are read from the sites that produce them. The coordinator
/// uses it with no local tables; a table server with its store.
/// </summary>
public sealed class FragmentRunner(Func<Scan, IBatchSource>? localTables, TableServerConnections connections)
{
    public PhysicalOperator Plan(FragmentTicket ticket) =>
        new PhysicalPlanner(scan => Source(ticket, scan)).Plan(ticket.Plan);

    private IBatchSource Source(FragmentTicket ticket, Scan scan)
    {
        if (ExchangeScan.TryGetProducer(scan, out var producer))
        {
            var input = ticket.Input(producer)
                ?? throw new ExecutionException(RemoteSqlStates.ProtocolViolation, $"fragment reads exchange {producer} but has no such input");
            if (!Uri.TryCreate(input.Endpoint, UriKind.Absolute, out var endpoint))
                throw new ExecutionException(RemoteSqlStates.ProtocolViolation, $"capture point \"{input.Site}\" has no valid endpoint");
            var output = input.Ticket.Plan.Output;
            return new RemoteBatchSource(connections.For(input.Site, endpoint), FragmentCodec.Encode(input.Ticket),
                output.Select(c => c.Name).ToArray(), output.Select(c => c.Type).ToArray());
        }
        return localTables is not null
            ? localTables(scan)
            : throw new ExecutionException(RemoteSqlStates.ProtocolViolation, $"trace table {scan.Schema}.{scan.Table} is not stored at the coordinator");
    }
}
