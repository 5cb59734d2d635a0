using System.Numerics;
using Vnd.Executor.Vectors;
using Vector = Vnd.Executor.Vectors.Vector;
using Vnd.Planner.Types;
using Vnd.Planner.Errors;

namespace Vnd.Executor.Expressions;

/// <summary>
/// <c>left op right</c> over two operands of the same numeric type (the factory inserts widening casts). The
/// kernel is picked once at construction; an overflow inside it becomes SQLSTATE 22003 naming the result type.
/// </summary>
public sealed class ArithmeticExpression : BinaryExpression
{
    private readonly BinaryKernel _kernel;

    public ArithmeticExpression(ArithmeticOperator op, Expression left, Expression right)
        : base(left.Type, left, right, op.ToString())
    {
        Operator = op;
        _kernel = left.PhysicalType switch
        {
            PhysicalType.Int16 => Select<short>(op),
            PhysicalType.Int32 => Select<int>(op),
            PhysicalType.Int64 => Select<long>(op),
            PhysicalType.Float64 => Select<double>(op),
            PhysicalType.Decimal => Select<decimal>(op),
            _ => throw new ExecutionException(SqlState.UndefinedFunction, $"operator does not exist: {left.Type} {Symbol(op)} {right.Type}"),
        };
    }

    public ArithmeticOperator Operator { get; }

    public override BinaryKernel Kernel => _kernel;

    public override string ToString() => $"({Left} {Symbol(Operator)} {Right})";

    public static string Symbol(ArithmeticOperator op) => op switch
    {
        ArithmeticOperator.Add => "+",
        ArithmeticOperator.Subtract => "-",
        ArithmeticOperator.Multiply => "*",
        ArithmeticOperator.Divide => "/",
        _ => "%",
    };

    private static BinaryKernel Select<T>(ArithmeticOperator op) where T : unmanaged, INumber<T> => op switch
    {
        ArithmeticOperator.Add => Kernels.Binary<T, T, T, AddOp<T>>,
        ArithmeticOperator.Subtract => Kernels.Binary<T, T, T, SubtractOp<T>>,
        ArithmeticOperator.Multiply => Kernels.Binary<T, T, T, MultiplyOp<T>>,
        ArithmeticOperator.Divide => Kernels.Binary<T, T, T, DivideOp<T>>,
        _ => Kernels.Binary<T, T, T, ModuloOp<T>>,
    };
}
