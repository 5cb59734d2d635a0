using Vnd.Executor.Vectors;
using Vnd.Planner.Types;
using Vnd.Planner.Errors;

namespace Vnd.Executor.Expressions;

/// <summary>The value of input column <see cref="Index"/>; evaluates without copying.</summary>
public sealed class ColumnReference : Expression
{
    public ColumnReference(int index, SqlType type, string? name = null)
        : base(type)
    {
        Index = index;
        Name = name;
    }

    public int Index { get; }

    public string? Name { get; }

    public override void Evaluate(Batch input, Vector result, EvaluationScratch scratch)
    {
        var source = Source(input);
        if (source.IsConstant)
        {
            result.ResetConstant();
            VectorCopy.Gather(source, [0], result, 0);
            return;
        }
        result.ResetFlat();
        VectorCopy.Scatter(source, input.Rows, result);
    }

    public override Vector EvaluateToVector(Batch input, EvaluationScratch scratch) => Source(input);

    /// <summary>
    /// The input column, checked once per batch: every consumer reads it in this reference's layout, so a column
    /// an operator produced in another layout (float8 bytes under a numeric type) would be reinterpreted as
    /// garbage or crash a kernel; it is an internal error naming the column instead.
    /// </summary>
    private Vector Source(Batch input)
    {
        var source = input[Index];
        if (source.PhysicalType != PhysicalType)
            throw new ExecutionException(SqlState.InternalError, $"column {this} ({Type}) arrived as a {source.PhysicalType} vector");
        return source;
    }

    public override string ToString() => Name ?? $"#{Index}";
}
