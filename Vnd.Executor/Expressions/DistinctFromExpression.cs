using Vnd.Executor.Vectors;
using Vnd.Planner.Types;

namespace Vnd.Executor.Expressions;

/// <summary>
/// x IS [NOT] DISTINCT FROM y: equality where NULL equals NULL and never yields NULL. Runs the ordinary equality
/// kernel, then repairs the rows where either side was NULL.
/// </summary>
public sealed class DistinctFromExpression : Expression
{
    private readonly ComparisonExpression _equal;

    public DistinctFromExpression(Expression left, Expression right, bool negated)
        : base(SqlType.Bool)
    {
        _equal = new ComparisonExpression(ComparisonOperator.Equal, left, right);
        Negated = negated;
    }

    /// <summary>True for IS NOT DISTINCT FROM.</summary>
    public bool Negated { get; }

    public override bool IsConstant => _equal.IsConstant;

    public override void Evaluate(Batch input, Vector result, EvaluationScratch scratch)
    {
        var l = _equal.Left.EvaluateToVector(input, scratch);
        var r = _equal.Right.EvaluateToVector(input, scratch);
        var eq = scratch.Rent(SqlType.Bool);
        _equal.Kernel(l, r, eq, input.Rows);
        var constant = eq.IsConstant;
        if (constant)
            result.ResetConstant();
        else
            result.ResetFlat();
        var o = result.Data<byte>();
        var e = eq.Data<byte>();
        var ls = l.IsConstant ? 0 : 1;
        var rs = r.IsConstant ? 0 : 1;
        ReadOnlySpan<int> rows = constant ? [0] : input.Rows;
        foreach (var i in rows)
        {
            var ln = l.Validity.IsNull(i * ls);
            var rn = r.Validity.IsNull(i * rs);
            var same = ln || rn ? ln == rn : e[i] != 0;
            o[i] = same == Negated ? (byte)1 : (byte)0;
        }
        scratch.Release(eq);
        scratch.Release(r);
        scratch.Release(l);
    }

    public override string ToString() =>
        $"({_equal.Left} IS {(Negated ? "NOT " : "")}DISTINCT FROM {_equal.Right})";
}
