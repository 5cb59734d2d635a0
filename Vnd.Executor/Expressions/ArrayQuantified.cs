using Vnd.Executor.Vectors;
using Vnd.Planner.Types;

namespace Vnd.Executor.Expressions;

/// <summary>
/// x op ANY (a) and x op ALL (a) over a typed array value (a column, a cast literal, an array parameter) for the
/// comparisons other than = ANY and &lt;&gt; ALL (those are <see cref="ArrayFunctions"/>' array_any). The binder
/// names the call <c>array_quantified_{op}_{any|all}</c>; the elements are read in place from the array's bytes,
/// with the orderings of <see cref="ComparisonExpression"/> (float8 NaN greatest, text by UTF-8 bytes).
/// </summary>
internal static class ArrayQuantified
{
    public const string Prefix = "array_quantified_";

    public static Expression? Resolve(string name, IReadOnlyList<Expression> a)
    {
        if (!name.StartsWith(Prefix, StringComparison.Ordinal) || a.Count != 2 || a[1].Type.Id != TypeId.Array)
            return null;
        var parts = name[Prefix.Length..].Split('_');
        if (parts.Length != 2 || parts[1] is not ("any" or "all"))
            return null;
        var kernel = Kernel(parts[0], a[0].PhysicalType, parts[1] == "all");
        return kernel is null ? null : new FunctionExpression(name, SqlType.Bool, a, kernel);
    }

    /// <summary>The kernel of x op ANY|ALL (a) for an operator stem (eq, ne, lt, le, gt, ge) and x's layout.</summary>
    public static FunctionKernel? Kernel(string stem, PhysicalType type, bool all) => stem switch
    {
        "eq" => Select<IsEqual>(type, all),
        "ne" => Select<IsNotEqual>(type, all),
        "lt" => Select<IsLess>(type, all),
        "le" => Select<IsLessOrEqual>(type, all),
        "gt" => Select<IsGreater>(type, all),
        "ge" => Select<IsGreaterOrEqual>(type, all),
        _ => null,
    };

    private static FunctionKernel? Select<TTest>(PhysicalType type, bool all) where TTest : struct, IOrderTest => type switch
    {
        PhysicalType.Bool => Of<Ordered<byte, NaturalOrder<byte>>, TTest>(all),
        PhysicalType.Int16 => Of<Ordered<short, NaturalOrder<short>>, TTest>(all),
        PhysicalType.Int32 => Of<Ordered<int, NaturalOrder<int>>, TTest>(all),
        PhysicalType.Int64 => Of<Ordered<long, NaturalOrder<long>>, TTest>(all),
        PhysicalType.Float64 => Of<Ordered<double, FloatOrder>, TTest>(all),
        PhysicalType.Decimal => Of<Ordered<decimal, NaturalOrder<decimal>>, TTest>(all),
        PhysicalType.Inet4 => Of<Ordered<uint, NaturalOrder<uint>>, TTest>(all),
        PhysicalType.MacAddr => Of<Ordered<ulong, NaturalOrder<ulong>>, TTest>(all),
        PhysicalType.Interval => Of<Ordered<PgInterval, NaturalOrder<PgInterval>>, TTest>(all),
        PhysicalType.Inet => Of<Ordered<InetValue, NaturalOrder<InetValue>>, TTest>(all),
        PhysicalType.VarBytes => Of<ByteOrder, TTest>(all),
        _ => null,
    };

    private static FunctionKernel Of<TOrder, TTest>(bool all) where TOrder : struct, IElementOrder where TTest : struct, IOrderTest =>
        all ? Quantify<TOrder, TTest, AllElements> : Quantify<TOrder, TTest, AnyElement>;

    /// <summary>
    /// PostgreSQL's scalararrayop: ANY is true as soon as one comparison holds, ALL false as soon as one fails;
    /// otherwise a NULL operand or element makes the answer NULL; an empty array is false for ANY and true for ALL,
    /// even when x is NULL; a NULL array is NULL.
    /// </summary>
    private static void Quantify<TOrder, TTest, TQuantifier>(ReadOnlySpan<Vector> args, Vector result, ReadOnlySpan<int> rows)
        where TOrder : struct, IElementOrder where TTest : struct, IOrderTest where TQuantifier : struct, IQuantifier
    {
        RowKernel.Prepare(args, result);
        foreach (var i in rows)
        {
            if (args[1].IsNull(i))
            {
                result.SetNull(i);
                continue;
            }
            var array = args[1].GetBytes(i);
            var count = ArrayLayout.Count(array);
            if (count == 0)
            {
                result.Set(i, TQuantifier.Empty);
                continue;
            }
            if (args[0].IsNull(i))
            {
                result.SetNull(i);
                continue;
            }
            var sawNull = false;
            var decided = false;
            for (var k = 0; k < count; k++)
            {
                if (ArrayLayout.IsNull(array, k))
                {
                    sawNull = true;
                    continue;
                }
                if (TTest.Test(TOrder.Compare(args[0], i, array, k)) == TQuantifier.Decisive)
                {
                    decided = true;
                    break;
                }
            }
            if (decided)
                result.Set(i, TQuantifier.Decisive ? (byte)1 : (byte)0);
            else if (sawNull)
                result.SetNull(i);
            else
                result.Set(i, TQuantifier.Decisive ? (byte)0 : (byte)1);
        }
    }

    /// <summary>Row i of a vector of the element type against element k of an array, without boxing.</summary>
    private interface IElementOrder
    {
        static abstract int Compare(Vector value, int row, ReadOnlySpan<byte> array, int k);
    }

    private readonly struct Ordered<T, TOrder> : IElementOrder where T : unmanaged where TOrder : struct, IValueOrder<T>
    {
        public static int Compare(Vector value, int row, ReadOnlySpan<byte> array, int k) =>
            TOrder.Compare(value.Get<T>(row), ArrayLayout.Get<T>(array, k));
    }

    private readonly struct ByteOrder : IElementOrder
    {
        public static int Compare(Vector value, int row, ReadOnlySpan<byte> array, int k) =>
            value.GetBytes(row).SequenceCompareTo(ArrayLayout.Bytes(array, k));
    }

    /// <summary>Which outcome of one comparison settles the whole answer, and the answer over no elements.</summary>
    private interface IQuantifier
    {
        static abstract bool Decisive { get; }

        static abstract byte Empty { get; }
    }

    private readonly struct AnyElement : IQuantifier
    {
        public static bool Decisive => true;

        public static byte Empty => 0;
    }

    private readonly struct AllElements : IQuantifier
    {
        public static bool Decisive => false;

        public static byte Empty => 1;
    }
}
