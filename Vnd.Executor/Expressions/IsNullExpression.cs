using Vnd.Executor.Vectors;
using Vnd.Planner.Types;

namespace Vnd.Executor.Expressions;

/// <summary>x IS NULL / x IS NOT NULL: never NULL itself.</summary>
public sealed class IsNullExpression : Expression
{
    public IsNullExpression(Expression operand, bool negated)
        : base(SqlType.Bool)
    {
        Operand = operand;
        Negated = negated;
    }

    public Expression Operand { get; }

    public bool Negated { get; }

    public override bool IsConstant => Operand.IsConstant;

    public override void Evaluate(Batch input, Vector result, EvaluationScratch scratch)
    {
        var value = Operand.EvaluateToVector(input, scratch);
        var whenNull = Negated ? (byte)0 : (byte)1;
        if (value.IsConstant)
        {
            result.ResetConstant();
            result.Data<byte>()[0] = value.IsNull(0) ? whenNull : (byte)(whenNull ^ 1);
        }
        else
        {
            result.ResetFlat();
            var o = result.Data<byte>();
            var validity = value.Validity;
            foreach (var i in input.Rows)
                o[i] = validity.IsNull(i) ? whenNull : (byte)(whenNull ^ 1);
        }
        scratch.Release(value);
    }

    public override string ToString() => Negated ? $"({Operand} IS NOT NULL)" : $"({Operand} IS NULL)";
}
