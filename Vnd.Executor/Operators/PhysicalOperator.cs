using Vnd.Executor.Execution;
using Vnd.Planner.Types;

namespace Vnd.Executor.Operators;

/// <summary>
/// A node of a physical plan. Plans are immutable and hold no per-query state (DuckDB's convention): running one
/// means opening a stream. The model is pull-based — <see cref="OperatorStream.Next"/> returns the next batch —
/// because results must stream straight to the wire with back-pressure, and a plan of pulls is easy to read and
/// test. Parallelism comes from partitions: a streaming operator opened as partition p of n opens its input the
/// same way, and pipeline breakers (aggregate, join build, sort) drain their input as n partitions on n workers.
/// </summary>
public abstract class PhysicalOperator
{
    public abstract IReadOnlyList<SqlType> OutputTypes { get; }

    /// <summary>Child operators, for plan printing.</summary>
    public abstract IReadOnlyList<PhysicalOperator> Children { get; }

    /// <summary>Starts partition <paramref name="partition"/> of <paramref name="partitionCount"/>; the union of
    /// all partitions' rows is the operator's result.</summary>
    public abstract OperatorStream Open(QueryContext context, int partition, int partitionCount);

    /// <summary>Opens the whole result as one stream.</summary>
    public OperatorStream Open(QueryContext context) => Open(context, 0, 1);

    /// <summary>The indented plan text.</summary>
    public string Explain()
    {
        var sb = new System.Text.StringBuilder();
        Explain(sb, 0);
        return sb.ToString();
    }

    private void Explain(System.Text.StringBuilder sb, int depth)
    {
        sb.Append(' ', depth * 2).Append(ToString()).Append('\n');
        foreach (var child in Children)
            child.Explain(sb, depth + 1);
    }
}
