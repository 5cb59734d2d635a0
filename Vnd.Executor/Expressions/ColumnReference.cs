using Vnd.Executor.Vectors;
using Vnd.Planner.Types;

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
        var source = input[Index];
        if (source.IsConstant)
        {
            result.ResetConstant();
            VectorCopy.Gather(source, [0], result, 0);
            return;
        }
        result.ResetFlat();
        VectorCopy.Scatter(source, input.Rows, result);
    }

    public override Vector EvaluateToVector(Batch input, EvaluationScratch scratch) => input[Index];

    public override string ToString() => Name ?? $"#{Index}";
}
