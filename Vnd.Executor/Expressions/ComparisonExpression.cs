using System.Numerics;
using Vnd.Executor.Vectors;
using Vector = Vnd.Executor.Vectors.Vector;
using Vnd.Planner.Types;

namespace Vnd.Executor.Expressions;

/// <summary>
/// <c>left op right</c> giving a boolean, over two operands of the same layout (the factory widens integers so
/// int4 = int8 compares by value). Text and bytea compare byte-wise, which for UTF-8 is code-point order: the
/// C collation.
/// </summary>
public sealed class ComparisonExpression : BinaryExpression
{
    private readonly BinaryKernel _kernel;

    public ComparisonExpression(ComparisonOperator op, Expression left, Expression right)
        : base(SqlType.Bool, left, right, op.ToString())
    {
        Operator = op;
        _kernel = left.PhysicalType switch
        {
            PhysicalType.Bool => Select<byte>(op),
            PhysicalType.Int16 => Select<short>(op),
            PhysicalType.Int32 => Select<int>(op),
            PhysicalType.Int64 => Select<long>(op),
            PhysicalType.Float64 => SelectOrdered<double, FloatOrder>(op),
            PhysicalType.Decimal => Select<decimal>(op),
            PhysicalType.Inet4 => Select<uint>(op),
            PhysicalType.MacAddr => Select<ulong>(op),
            PhysicalType.Interval => SelectOrdered<PgInterval, NaturalOrder<PgInterval>>(op),
            PhysicalType.Inet => SelectOrdered<InetValue, NaturalOrder<InetValue>>(op),
            PhysicalType.VarBytes => SelectBytes(op),
            _ => throw new ArgumentOutOfRangeException(nameof(left)),
        };
    }

    public ComparisonOperator Operator { get; }

    /// <summary>The comparison kernel, also used by expressions that post-process its result.</summary>
    public override BinaryKernel Kernel => _kernel;

    public override string ToString() => $"({Left} {Symbol(Operator)} {Right})";

    public static string Symbol(ComparisonOperator op) => op switch
    {
        ComparisonOperator.Equal => "=",
        ComparisonOperator.NotEqual => "<>",
        ComparisonOperator.Less => "<",
        ComparisonOperator.LessOrEqual => "<=",
        ComparisonOperator.Greater => ">",
        _ => ">=",
    };

    private static BinaryKernel Select<T>(ComparisonOperator op) where T : unmanaged, IComparisonOperators<T, T, bool> => op switch
    {
        ComparisonOperator.Equal => Kernels.Binary<T, T, byte, EqualOp<T>>,
        ComparisonOperator.NotEqual => Kernels.Binary<T, T, byte, NotEqualOp<T>>,
        ComparisonOperator.Less => Kernels.Binary<T, T, byte, LessOp<T>>,
        ComparisonOperator.LessOrEqual => Kernels.Binary<T, T, byte, LessOrEqualOp<T>>,
        ComparisonOperator.Greater => Kernels.Binary<T, T, byte, GreaterOp<T>>,
        _ => Kernels.Binary<T, T, byte, GreaterOrEqualOp<T>>,
    };

    private static BinaryKernel SelectOrdered<T, TOrder>(ComparisonOperator op) where T : unmanaged where TOrder : struct, IValueOrder<T> => op switch
    {
        ComparisonOperator.Equal => Kernels.Binary<T, T, byte, OrderedCompareOp<T, TOrder, IsEqual>>,
        ComparisonOperator.NotEqual => Kernels.Binary<T, T, byte, OrderedCompareOp<T, TOrder, IsNotEqual>>,
        ComparisonOperator.Less => Kernels.Binary<T, T, byte, OrderedCompareOp<T, TOrder, IsLess>>,
        ComparisonOperator.LessOrEqual => Kernels.Binary<T, T, byte, OrderedCompareOp<T, TOrder, IsLessOrEqual>>,
        ComparisonOperator.Greater => Kernels.Binary<T, T, byte, OrderedCompareOp<T, TOrder, IsGreater>>,
        _ => Kernels.Binary<T, T, byte, OrderedCompareOp<T, TOrder, IsGreaterOrEqual>>,
    };

    private static BinaryKernel SelectBytes(ComparisonOperator op) => op switch
    {
        ComparisonOperator.Equal => BytesKernels.Compare<IsEqual>,
        ComparisonOperator.NotEqual => BytesKernels.Compare<IsNotEqual>,
        ComparisonOperator.Less => BytesKernels.Compare<IsLess>,
        ComparisonOperator.LessOrEqual => BytesKernels.Compare<IsLessOrEqual>,
        ComparisonOperator.Greater => BytesKernels.Compare<IsGreater>,
        _ => BytesKernels.Compare<IsGreaterOrEqual>,
    };
}
