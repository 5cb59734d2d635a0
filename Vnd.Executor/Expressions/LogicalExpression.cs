using Vnd.Executor.Vectors;
using Vnd.Planner.Types;

namespace Vnd.Executor.Expressions;

/// <summary>
/// AND / OR over any number of boolean operands with SQL three-valued logic: FALSE AND NULL is FALSE,
/// TRUE OR NULL is TRUE, otherwise NULL wins over TRUE (AND) or FALSE (OR).
/// </summary>
public sealed class LogicalExpression : Expression
{
    public LogicalExpression(bool isAnd, IReadOnlyList<Expression> operands)
        : base(SqlType.Bool)
    {
        if (operands.Count < 2)
            throw new ArgumentException("AND/OR needs two or more operands", nameof(operands));
        IsAnd = isAnd;
        Operands = operands;
    }

    public bool IsAnd { get; }

    public IReadOnlyList<Expression> Operands { get; }

    public override bool IsConstant => Operands.All(o => o.IsConstant);

    public override void Evaluate(Batch input, Vector result, EvaluationScratch scratch)
    {
        var rows = input.Rows;
        var first = Operands[0].EvaluateToVector(input, scratch);
        result.ResetFlat();
        VectorCopy.Scatter(first, rows, result);
        scratch.Release(first);
        // The value that decides the outcome on its own: FALSE for AND, TRUE for OR.
        var dominant = IsAnd ? (byte)0 : (byte)1;
        var acc = result.Data<byte>();
        for (var k = 1; k < Operands.Count; k++)
        {
            var next = Operands[k].EvaluateToVector(input, scratch);
            var values = next.Data<byte>();
            var stride = next.IsConstant ? 0 : 1;
            foreach (var i in rows)
            {
                var accValid = result.Validity.IsValid(i);
                if (accValid && acc[i] == dominant)
                    continue;
                var nextValid = next.Validity.IsValid(i * stride);
                var value = values[i * stride];
                if (nextValid && value == dominant)
                {
                    acc[i] = dominant;
                    result.Validity.SetValid(i);
                }
                else if (!nextValid)
                {
                    result.SetNull(i);
                }
            }
            scratch.Release(next);
        }
    }

    public override string ToString() => "(" + string.Join(IsAnd ? " AND " : " OR ", Operands) + ")";
}
