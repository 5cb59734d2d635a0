using Vnd.Executor.Operators;
using Vnd.Executor.Scans;
using Vnd.Executor.Storage;

namespace Vnd.Executor.PhysicalPlanning;

/// <summary>
/// One snapshot per trace table for one physical plan: every scan of a table (a self-join, a scalar subquery such
/// as <c>(SELECT count(*) FROM pin)</c>, LATERAL subqueries planned per row later) reads the snapshot the first scan
/// of it opened, so segments a capture appends meanwhile cannot make two parts of one answer disagree. Tables are
/// told apart by their directory, which is unique per table and data directory.
/// </summary>
internal sealed class SharedSnapshots
{
    private readonly Dictionary<string, TraceTable> _first = new(StringComparer.Ordinal);

    public IBatchSource Share(IBatchSource source)
    {
        if (source is not TraceTableBatchSource trace)
            return source;
        if (!_first.TryGetValue(trace.Table.Directory, out var first))
        {
            _first[trace.Table.Directory] = trace.Table;
            return trace;
        }
        return ReferenceEquals(first, trace.Table) ? trace : trace.Over(first);
    }
}
