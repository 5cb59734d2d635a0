using Vnd.Executor.Vectors;
using Vnd.Planner.Types;

namespace Vnd.Executor.Expressions;

/// <summary>
/// Two operands of one layout and a kernel chosen once at construction; evaluation is both operands, one kernel
/// call, and an overflow inside the kernel reported as 22003 for the result type.
/// </summary>
public abstract class BinaryExpression : Expression
{
    protected BinaryExpression(SqlType type, Expression left, Expression right, string what)
        : base(type)
    {
        if (left.PhysicalType != right.PhysicalType)
            throw new ArgumentException($"operands of {what} differ: {left.Type} and {right.Type}");
        Left = left;
        Right = right;
    }

    public Expression Left { get; }

    public Expression Right { get; }

    public override bool IsConstant => Left.IsConstant && Right.IsConstant;

    /// <summary>The kernel over (left, right) → result.</summary>
    public abstract BinaryKernel Kernel { get; }

    public override void Evaluate(Batch input, Vector result, EvaluationScratch scratch)
    {
        var l = Left.EvaluateToVector(input, scratch);
        var r = Right.EvaluateToVector(input, scratch);
        try
        {
            Kernel(l, r, result, input.Rows);
        }
        catch (OverflowException)
        {
            throw ExecutionErrors.OutOfRangeException(Type);
        }
        finally
        {
            scratch.Release(r);
            scratch.Release(l);
        }
    }
}
