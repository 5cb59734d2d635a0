using Vnd.Executor.Vectors;
using Vnd.Planner.Types;

namespace Vnd.Executor.Expressions;

/// <summary>
/// Operators PostgreSQL spells with symbols and the binder passes through by name: ^ (power), |/ (square root),
/// @ (absolute value) and the integer bit operators &amp; | # &lt;&lt; &gt;&gt; ~.
/// </summary>
internal static class OperatorFunctions
{
    public static Expression? Resolve(string name, IReadOnlyList<Expression> a) => (name, a.Count) switch
    {
        ("^", 2) when a[0].Type.Id == TypeId.Numeric || a[1].Type.Id == TypeId.Numeric =>
            TypeUnification.To(Expr.Function("power", TypeUnification.To(a[0], SqlType.Float8), TypeUnification.To(a[1], SqlType.Float8)), SqlType.Numeric),
        ("^", 2) => Expr.Function("power", TypeUnification.To(a[0], SqlType.Float8), TypeUnification.To(a[1], SqlType.Float8)),
        ("|/", 1) => Expr.Function("sqrt", TypeUnification.To(a[0], SqlType.Float8)),
        ("@", 1) => Expr.Function("abs", a[0]),
        ("&" or "|" or "#" or "<<" or ">>", 2) when a[0].Type.IsInteger && a[1].Type.IsInteger => Bits(name, a[0], a[1]),
        ("~", 1) when a[0].Type.IsInteger => Bits("~", a[0], a[0]),
        _ => null,
    };

    /// <summary>Bit operators in int64 arithmetic, narrowed back to the left operand's type (shifts wrap like C).</summary>
    private static Expression Bits(string op, Expression left, Expression right)
    {
        var type = left.Type;
        var x = TypeUnification.To(left, SqlType.Int8);
        var y = TypeUnification.To(right, SqlType.Int8);
        return new FunctionExpression(op, type, [x, y], (args, r, rows) =>
        {
            RowKernel.Prepare(args, r);
            foreach (var i in rows)
            {
                if (RowKernel.AnyNull(args, i))
                {
                    r.SetNull(i);
                    continue;
                }
                long a = args[0].Get<long>(i), b = args[1].Get<long>(i);
                var value = op switch
                {
                    "&" => a & b,
                    "|" => a | b,
                    "#" => a ^ b,
                    "~" => ~a,
                    "<<" => type.Id == TypeId.Int8 ? a << (int)b : type.Id == TypeId.Int4 ? (int)a << (int)b : (short)((short)a << (int)b),
                    _ => type.Id == TypeId.Int8 ? a >> (int)b : type.Id == TypeId.Int4 ? (int)a >> (int)b : (short)a >> (int)b,
                };
                switch (r.PhysicalType)
                {
                    case PhysicalType.Int16: r.Set(i, (short)value); break;
                    case PhysicalType.Int32: r.Set(i, (int)value); break;
                    default: r.Set(i, value); break;
                }
            }
        });
    }
}
