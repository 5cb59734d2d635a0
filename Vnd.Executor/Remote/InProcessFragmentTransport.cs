using System.Collections.Concurrent;
using Vnd.Executor.Operators;
using Vnd.Planner.Distributed;

namespace Vnd.Executor.Remote;

/// <summary>
/// Table servers living inside the coordinator's process (<c>vnd serve</c>'s embedded default: one per
/// hypervisor). A ticket still goes through <see cref="FragmentCodec"/> — what cannot be shipped to a real table
/// server is refused here too — and the decoded fragment runs on the runner registered for its endpoint; its
/// result is read as operator batches instead of Arrow record batches, which is all that differs from Flight.
/// </summary>
public sealed class InProcessFragmentTransport : IFragmentTransport
{
    private readonly ConcurrentDictionary<string, FragmentRunner> _servers = new(StringComparer.Ordinal);

    /// <summary>Registers the table server reached at <paramref name="endpoint"/> (e.g. <c>inproc://ts-hv1/</c>) unless one is.</summary>
    public void Register(Uri endpoint, FragmentRunner server) => _servers.TryAdd(endpoint.ToString(), server);

    public IBatchSource Open(FragmentInput input, ExchangeActuals? actuals = null)
    {
        if (!_servers.TryGetValue(input.Endpoint, out var server))
            throw new ExecutionException(RemoteSqlStates.ConnectionFailure, $"no table server is registered for capture point \"{input.Site}\"");
        var fragment = FragmentCodec.Decode(FragmentCodec.Encode(input.Ticket));
        var names = fragment.Plan.Output.Select(c => c.Name).ToArray();
        if (actuals is null)
            return new OperatorBatchSource(server.Plan(fragment), names);
        var metered = new MeteredFragment(server.Measuring(actuals).Plan(fragment), names, input.Producer, actuals);
        return new OperatorBatchSource(metered, names);
    }
}
