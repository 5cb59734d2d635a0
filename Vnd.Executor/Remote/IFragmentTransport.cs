using Vnd.Executor.Operators;
using Vnd.Planner.Distributed;

namespace Vnd.Executor.Remote;

/// <summary>
/// How a fragment reads an exchange input: the producer's ticket goes to the table server of the input's site and
/// its result comes back as a batch source. Over Arrow Flight for table-server processes
/// (<see cref="FlightFragmentTransport"/>), or handed to a table server in the same process
/// (<see cref="InProcessFragmentTransport"/>) — the planning, tickets and codec are the same either way.
/// </summary>
public interface IFragmentTransport
{
    /// <summary>
    /// The input's result as a table; with <paramref name="actuals"/> (EXPLAIN ANALYZE) what crosses the exchange,
    /// and the exchanges the producer reads in turn, are measured into it.
    /// </summary>
    IBatchSource Open(FragmentInput input, ExchangeActuals? actuals = null);
}
