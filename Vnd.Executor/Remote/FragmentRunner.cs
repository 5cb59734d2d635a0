using Vnd.Executor.Expressions;
using Vnd.Executor.Operators;
using Vnd.Executor.PhysicalPlanning;
using Vnd.Planner.Distributed;
using Vnd.Planner.Logical;
using Vnd.Planner.Syntax.Ast;
using Expr = Vnd.Executor.Expressions.Expr;

namespace Vnd.Executor.Remote;

/// <summary>
/// Turns a fragment ticket into physical operators at one site: the site's own trace tables come from
/// <paramref name="localTables"/>, exchange inputs are read through <paramref name="transport"/> from the sites
/// that produce them. A table server uses it with its store; the coordinator with the tables it answers itself
/// (pg_catalog, the metadata relation) or none. With <paramref name="actuals"/> (EXPLAIN ANALYZE) every exchange
/// input it reads is measured into it.
/// </summary>
public sealed class FragmentRunner(Func<Scan, IBatchSource>? localTables, IFragmentTransport transport,
    IReadOnlyList<BoundLiteral>? parameters = null, ExchangeActuals? actuals = null)
{
    public FragmentRunner(Func<Scan, IBatchSource>? localTables, TableServerConnections connections)
        : this(localTables, new FlightFragmentTransport(connections))
    {
    }

    /// <summary>The same runner measuring its exchange inputs into <paramref name="into"/>.</summary>
    public FragmentRunner Measuring(ExchangeActuals into) => new(localTables, transport, parameters, into);

    /// <summary>
    /// The fragment's operators; its remote inputs start all at once when it opens (<see cref="RemoteInputsStart"/>).
    /// now(), statement_timestamp() and 'now' fold to the coordinator's times the ticket carries, not this site's clock,
    /// and timestamptz calendars are read in the coordinator's session TimeZone, not UTC.
    /// </summary>
    public PhysicalOperator Plan(FragmentTicket ticket)
    {
        var planner = ticket.Times is { } times
            ? new PhysicalPlanner(scan => Source(ticket, scan), parameters)
            {
                StatementTime = times.Statement, TransactionTime = times.Transaction, TimeZone = TimeZoneLookup.Resolve(times.TimeZone),
            }
            : new PhysicalPlanner(scan => Source(ticket, scan), parameters);
        return RemoteInputsStart.Wrap(Conform(planner.Plan(ticket.Plan), ticket.Plan.Output));
    }

    /// <summary>
    /// Operators may compute a column in another type than the plan states (an average over intervals, an epoch
    /// as float8 where the plan says numeric); local results are read value by value so that never shows, but a
    /// stream's layout is fixed by the plan's types, which the consumer also uses. Cast where they differ.
    /// </summary>
    private static PhysicalOperator Conform(PhysicalOperator plan, SqlList<PlanColumn> output)
    {
        var differs = false;
        var items = new Expression[output.Count];
        for (var c = 0; c < items.Length; c++)
        {
            var actual = plan.OutputTypes[c];
            items[c] = Expr.Column(c, actual, output[c].Name);
            if (!actual.Equals(output[c].Type))
            {
                items[c] = Expr.Cast(items[c], output[c].Type);
                differs = true;
            }
        }
        return differs ? new ProjectOperator(plan, items, output.Select(c => c.Name).ToArray()) : plan;
    }

    private IBatchSource Source(FragmentTicket ticket, Scan scan)
    {
        if (ExchangeScan.TryGetProducer(scan, out var producer))
        {
            var input = ticket.Input(producer)
                ?? throw new ExecutionException(RemoteSqlStates.ProtocolViolation, $"fragment reads exchange {producer} but has no such input");
            return transport.Open(input, actuals);
        }
        return localTables is not null
            ? localTables(scan)
            : throw new ExecutionException(RemoteSqlStates.ProtocolViolation, $"trace table {scan.Schema}.{scan.Table} is not stored at the coordinator");
    }
}
