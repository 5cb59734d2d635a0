using Vnd.Executor.Execution;
using Vnd.Executor.Expressions;
using Vnd.Executor.Operators.Sorting;
using Vnd.Executor.Vectors;
using Vnd.Planner.Types;

namespace Vnd.Executor.Operators.Windows;

/// <summary>
/// Window functions over PARTITION BY / ORDER BY: materialises the input, sorts it by partition then order keys
/// (normalised keys, as the sort does), computes every function along the sorted rows, and streams the rows out
/// in that order with one extra column per function. Runs on one worker.
/// </summary>
public sealed class WindowOperator : PhysicalOperator
{
    public WindowOperator(PhysicalOperator input, IReadOnlyList<Expression> partitionBy, IReadOnlyList<SortKey> orderBy, IReadOnlyList<WindowCall> functions)
    {
        Input = input;
        PartitionBy = partitionBy;
        OrderBy = orderBy;
        Functions = functions;
        OutputTypes = [.. input.OutputTypes, .. functions.Select(f => f.ResultType)];
    }

    public PhysicalOperator Input { get; }

    public IReadOnlyList<Expression> PartitionBy { get; }

    public IReadOnlyList<SortKey> OrderBy { get; }

    public IReadOnlyList<WindowCall> Functions { get; }

    public override IReadOnlyList<SqlType> OutputTypes { get; }

    public override IReadOnlyList<PhysicalOperator> Children => [Input];

    public override OperatorStream Open(QueryContext context, int partition, int partitionCount) =>
        partition == 0 ? new WindowStream(this, context) : new EmptyStream();

    public override string ToString() =>
        $"Window partition=[{string.Join(", ", PartitionBy)}] order=[{string.Join(", ", OrderBy)}] [{string.Join(", ", Functions)}]";
}
