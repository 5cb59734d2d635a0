using Vnd.Executor.Operators;
using Vnd.Planner.Distributed;

namespace Vnd.Executor.Remote;

/// <summary>Exchange inputs read from table-server processes over Arrow Flight, through a shared connection pool.</summary>
public sealed class FlightFragmentTransport(TableServerConnections connections) : IFragmentTransport
{
    public IBatchSource Open(FragmentInput input, ExchangeActuals? actuals = null)
    {
        if (!Uri.TryCreate(input.Endpoint, UriKind.Absolute, out var endpoint))
            throw new ExecutionException(RemoteSqlStates.ProtocolViolation, $"capture point \"{input.Site}\" has no valid endpoint");
        var output = input.Ticket.Plan.Output;
        return new RemoteBatchSource(connections.For(input.Site, endpoint), FragmentCodec.Encode(input.Ticket),
            output.Select(c => c.Name).ToArray(), output.Select(c => c.Type).ToArray(),
            actuals is null ? null : new ExchangeMeter(input.Producer, actuals));
    }
}
