using System.Globalization;
using Vnd.Executor.Execution;
using Vnd.Planner.Types;

namespace Vnd.Executor.Operators;

/// <summary>
/// The exchange that makes a streaming pipeline parallel (DuckDB's and Volcano's "gather"): runs <c>n</c>
/// partitions of its input (scan → filter → join probe → project) on worker threads and hands their batches to the
/// one consumer above it: the query's root stream, or a LIMIT. <see cref="Ordered"/> re-emits the partitions'
/// batches in scan order (by <see cref="Vectors.Batch.Sequence"/>), so a query without ORDER BY returns rows in
/// capture order as one partition would and as PostgreSQL's sequential scan does; unordered hands batches over as
/// they come. The physical planner places it (see <see cref="PhysicalPlanning.ExchangePlacement"/>); breakers
/// (aggregate, join build, sort) need none because they drain their inputs in parallel themselves.
/// </summary>
public sealed class GatherOperator : PhysicalOperator
{
    public GatherOperator(PhysicalOperator input, bool ordered = true, int? workers = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workers ?? 1, 1, nameof(workers));
        Input = input;
        Ordered = ordered;
        Workers = workers;
        DrivingScan = Driver(input);
    }

    /// <summary>The probe-most table scan, whose batches' sequence numbers the rows the pipeline passes on: its
    /// progress lets the ordered merge go on while a partition produces nothing (see <see cref="Execution.ScanProgress"/>).</summary>
    internal TableScanOperator? DrivingScan { get; }

    public PhysicalOperator Input { get; }

    /// <summary>Whether the output keeps scan order (batches merged by sequence) or is interleaved as produced.</summary>
    public bool Ordered { get; }

    /// <summary>Partitions to run; the query's parallelism when null.</summary>
    public int? Workers { get; }

    public override IReadOnlyList<SqlType> OutputTypes => Input.OutputTypes;

    public override IReadOnlyList<PhysicalOperator> Children => [Input];

    /// <summary>The whole result comes out of partition 0: an exchange is where a pipeline's partitions meet.</summary>
    public override OperatorStream Open(QueryContext context, int partition, int partitionCount) =>
        partition == 0 ? new GatherStream(this, context, Workers ?? context.Parallelism) : new EmptyStream();

    public override string ToString() => Describe(Ordered, Workers);

    private static TableScanOperator? Driver(PhysicalOperator input) => input switch
    {
        TableScanOperator scan => scan,
        Analysis.AnalyzedOperator analyzed => Driver(analyzed.Input),
        FilterOperator filter => Driver(filter.Input),
        ProjectOperator project => Driver(project.Input),
        Joins.HashJoinOperator join => Driver(join.Probe),
        Bloom.BloomFilterProbeOperator probe => Driver(probe.Input),
        SetReconciliation.SetDifferenceJoinOperator difference => Driver(difference.Input),
        _ => null,
    };

    /// <summary>The exchange's EXPLAIN line, also printed above the plan node it gathers.</summary>
    public static string Describe(bool ordered, int? workers) =>
        $"Gather: {(ordered ? "ordered" : "unordered")}, workers={workers?.ToString(CultureInfo.InvariantCulture) ?? "all"}";
}
