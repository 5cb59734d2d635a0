using Vnd.Executor.Vectors;
using Vnd.Planner.Types;

namespace Vnd.Executor.Expressions;

/// <summary>COALESCE(a, b, ...): each argument is evaluated only on the rows still NULL after the previous ones.</summary>
public sealed class CoalesceExpression : Expression
{
    public CoalesceExpression(IReadOnlyList<Expression> arguments, SqlType type)
        : base(type)
    {
        if (arguments.Count == 0)
            throw new ArgumentException("COALESCE needs an argument", nameof(arguments));
        Arguments = arguments;
    }

    public IReadOnlyList<Expression> Arguments { get; }

    public override bool IsConstant => Arguments.All(a => a.IsConstant);

    public override void Evaluate(Batch input, Vector result, EvaluationScratch scratch)
    {
        result.ResetFlat();
        var remaining = scratch.RentRows(input, out var count);
        var found = scratch.RentSelection();
        foreach (var argument in Arguments)
        {
            if (count == 0)
                break;
            var view = scratch.RentView(input, remaining, count);
            var values = argument.EvaluateToVector(view, scratch);
            var stride = values.IsConstant ? 0 : 1;
            int kept = 0, hits = 0;
            for (var k = 0; k < count; k++)
            {
                var row = remaining[k];
                if (values.Validity.IsValid(row * stride))
                    found[hits++] = row;
                else
                    remaining[kept++] = row;
            }
            if (hits > 0)
                VectorCopy.Scatter(values, found.AsSpan(0, hits), result);
            scratch.Release(values);
            scratch.ReleaseView(view);
            count = kept;
        }
        for (var k = 0; k < count; k++)
            result.SetNull(remaining[k]);
        scratch.ReleaseSelection(found);
        scratch.ReleaseSelection(remaining);
    }

    public override string ToString() => $"COALESCE({string.Join(", ", Arguments)})";
}
