using Vnd.Executor.Vectors;
using Vnd.Planner.Types;

namespace Vnd.Executor.Expressions;

/// <summary>Resolves the numeric functions to typed kernels. Integer arguments of rounding functions become
/// numeric and of transcendental functions float8, following PostgreSQL's overload choices.</summary>
internal static class MathFunctions
{
    public static Expression? Resolve(string name, IReadOnlyList<Expression> a)
    {
        switch (name)
        {
            case "ceil" or "ceiling" or "floor" or "round" or "trunc" when a.Count == 1:
                return Rounding(name, a[0]);
            case "round" or "trunc" when a.Count == 2:
                var digits = TypeUnification.To(a[1], SqlType.Int4);
                var value = TypeUnification.To(a[0], SqlType.Numeric);
                return new FunctionExpression(name, SqlType.Numeric, [value, digits], name == "round"
                    ? (args, r, rows) => Kernels.Binary<decimal, int, decimal, DecimalRoundToOp>(args[0], args[1], r, rows)
                    : (args, r, rows) => Kernels.Binary<decimal, int, decimal, DecimalTruncToOp>(args[0], args[1], r, rows));
            case "scale" when a.Count == 1:
                return Unary(name, SqlType.Int4, TypeUnification.To(a[0], SqlType.Numeric), Kernels.Unary<decimal, int, DecimalScaleOp>);
            case "min_scale" when a.Count == 1:
                return Unary(name, SqlType.Int4, TypeUnification.To(a[0], SqlType.Numeric), Kernels.Unary<decimal, int, DecimalMinScaleOp>);
            case "trim_scale" when a.Count == 1:
                return Unary(name, SqlType.Numeric, TypeUnification.To(a[0], SqlType.Numeric), Kernels.Unary<decimal, decimal, DecimalTrimScaleOp>);
            case "abs" or "sign" when a.Count == 1:
                return AbsSign(name, a[0]);
            case "sqrt" when a.Count == 1: return Float(name, a[0], Kernels.Unary<double, double, SqrtOp>);
            case "ln" when a.Count == 1: return Float(name, a[0], Kernels.Unary<double, double, LnOp>);
            case "log" or "log10" when a.Count == 1: return Float(name, a[0], Kernels.Unary<double, double, Log10Op>);
            case "exp" when a.Count == 1: return Float(name, a[0], Kernels.Unary<double, double, ExpOp>);
            case "log" when a.Count == 2: return Float2(name, a[0], a[1], Kernels.Binary<double, double, double, LogBaseOp>);
            case "power" or "pow" when a.Count == 2: return Float2(name, a[0], a[1], Kernels.Binary<double, double, double, PowerOp>);
            case "mod" when a.Count == 2: return Expr.Modulo(a[0], a[1]);
            default: return null;
        }
    }

    private static Expression Rounding(string name, Expression x)
    {
        if (x.PhysicalType == PhysicalType.Float64)
        {
            UnaryKernel k = name switch
            {
                "ceil" or "ceiling" => Kernels.Unary<double, double, CeilOp>,
                "floor" => Kernels.Unary<double, double, FloorOp>,
                "round" => Kernels.Unary<double, double, RoundOp>,
                _ => Kernels.Unary<double, double, TruncOp>,
            };
            return Unary(name, SqlType.Float8, TypeUnification.To(x, SqlType.Float8), k);
        }
        UnaryKernel d = name switch
        {
            "ceil" or "ceiling" => Kernels.Unary<decimal, decimal, DecimalCeilOp>,
            "floor" => Kernels.Unary<decimal, decimal, DecimalFloorOp>,
            "round" => Kernels.Unary<decimal, decimal, DecimalRoundOp>,
            _ => Kernels.Unary<decimal, decimal, DecimalTruncOp>,
        };
        return Unary(name, SqlType.Numeric, TypeUnification.To(x, SqlType.Numeric), d);
    }

    private static Expression AbsSign(string name, Expression x)
    {
        var abs = name == "abs";
        UnaryKernel k = x.PhysicalType switch
        {
            PhysicalType.Int16 => abs ? Kernels.Unary<short, short, IntegerAbsOp<short>> : Kernels.Unary<short, short, IntegerSignOp<short>>,
            PhysicalType.Int32 => abs ? Kernels.Unary<int, int, IntegerAbsOp<int>> : Kernels.Unary<int, int, IntegerSignOp<int>>,
            PhysicalType.Int64 => abs ? Kernels.Unary<long, long, IntegerAbsOp<long>> : Kernels.Unary<long, long, IntegerSignOp<long>>,
            PhysicalType.Decimal => abs ? Kernels.Unary<decimal, decimal, DecimalAbsOp> : Kernels.Unary<decimal, decimal, DecimalSignOp>,
            _ => abs ? Kernels.Unary<double, double, AbsOp> : Kernels.Unary<double, double, SignOp>,
        };
        var type = x.Type.IsNumeric ? (x.Type.Id == TypeId.Float4 ? SqlType.Float8 : x.Type) : SqlType.Float8;
        return Unary(name, type, TypeUnification.To(x, type), k);
    }

    private static Expression Float(string name, Expression x, UnaryKernel kernel) =>
        Unary(name, SqlType.Float8, TypeUnification.To(x, SqlType.Float8), kernel);

    private static Expression Float2(string name, Expression x, Expression y, BinaryKernel kernel) =>
        new FunctionExpression(name, SqlType.Float8, [TypeUnification.To(x, SqlType.Float8), TypeUnification.To(y, SqlType.Float8)],
            (args, r, rows) => kernel(args[0], args[1], r, rows));

    internal static Expression Unary(string name, SqlType type, Expression x, UnaryKernel kernel) =>
        new FunctionExpression(name, type, [x], (args, r, rows) => kernel(args[0], r, rows));
}
