using Vnd.Executor.Vectors;
using Vnd.Planner.Types;

namespace Vnd.Executor.Expressions;

/// <summary>NOT x; NULL stays NULL.</summary>
public sealed class NotExpression : Expression
{
    public NotExpression(Expression operand)
        : base(SqlType.Bool) => Operand = operand;

    public Expression Operand { get; }

    public override bool IsConstant => Operand.IsConstant;

    public override void Evaluate(Batch input, Vector result, EvaluationScratch scratch)
    {
        var value = Operand.EvaluateToVector(input, scratch);
        Kernels.Unary<byte, byte, NotOp>(value, result, input.Rows);
        scratch.Release(value);
    }

    public override string ToString() => $"(NOT {Operand})";

    private readonly struct NotOp : IUnaryOp<byte, byte>
    {
        public static byte Apply(byte value) => (byte)(value ^ 1);
    }
}
