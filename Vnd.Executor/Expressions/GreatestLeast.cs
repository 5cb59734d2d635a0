using Vnd.Executor.Vectors;
using Vnd.Planner.Types;
using Vnd.Planner.Errors;

namespace Vnd.Executor.Expressions;

/// <summary>greatest(...)/least(...): NULL arguments are ignored; NULL only when every argument is NULL.</summary>
internal static class GreatestLeast
{
    public static Expression Resolve(string name, IReadOnlyList<Expression> a)
    {
        var type = a.Aggregate(SqlType.Null, (t, x) => TypeUnification.Common(t, x.Type));
        var args = a.Select(x => TypeUnification.To(x, type)).ToArray();
        var greatest = name == "greatest";
        FunctionKernel kernel = PhysicalTypes.Of(type) switch
        {
            // bool is a byte (0 false, 1 true): PostgreSQL orders false before true.
            PhysicalType.Bool => (v, r, rows) => Pick<byte, NaturalOrder<byte>>(v, r, rows, greatest),
            PhysicalType.Int16 => (v, r, rows) => Pick<short, NaturalOrder<short>>(v, r, rows, greatest),
            PhysicalType.Int32 => (v, r, rows) => Pick<int, NaturalOrder<int>>(v, r, rows, greatest),
            PhysicalType.Int64 => (v, r, rows) => Pick<long, NaturalOrder<long>>(v, r, rows, greatest),
            PhysicalType.Float64 => (v, r, rows) => Pick<double, FloatOrder>(v, r, rows, greatest),
            PhysicalType.Decimal => (v, r, rows) => Pick<decimal, NaturalOrder<decimal>>(v, r, rows, greatest),
            PhysicalType.Interval => (v, r, rows) => Pick<PgInterval, NaturalOrder<PgInterval>>(v, r, rows, greatest),
            PhysicalType.Inet => (v, r, rows) => Pick<InetValue, NaturalOrder<InetValue>>(v, r, rows, greatest),
            PhysicalType.Inet4 => (v, r, rows) => Pick<uint, NaturalOrder<uint>>(v, r, rows, greatest),
            PhysicalType.VarBytes => (v, r, rows) => PickBytes(v, r, rows, greatest),
            _ => throw new ExecutionException(SqlState.UndefinedFunction, $"function {name}({type}) does not exist"),
        };
        return new FunctionExpression(name, type, args, kernel);
    }

    private static void Pick<T, TOrder>(ReadOnlySpan<Vector> args, Vector result, ReadOnlySpan<int> rows, bool greatest)
        where T : unmanaged
        where TOrder : struct, IValueOrder<T>
    {
        RowKernel.Prepare(args, result);
        var o = result.Data<T>();
        foreach (var i in rows)
        {
            var found = false;
            T best = default;
            foreach (var arg in args)
            {
                if (arg.IsNull(i))
                    continue;
                var v = arg.Get<T>(i);
                var c = found ? TOrder.Compare(v, best) : 0;
                if (!found || (c > 0) == greatest && c != 0)
                    best = v;
                found = true;
            }
            if (found)
                o[i] = best;
            else
                result.SetNull(i);
        }
    }

    private static void PickBytes(ReadOnlySpan<Vector> args, Vector result, ReadOnlySpan<int> rows, bool greatest)
    {
        RowKernel.Prepare(args, result);
        foreach (var i in rows)
        {
            var best = -1;
            for (var k = 0; k < args.Length; k++)
            {
                if (args[k].IsNull(i))
                    continue;
                if (best < 0)
                {
                    best = k;
                    continue;
                }
                var c = args[k].GetBytes(i).SequenceCompareTo(args[best].GetBytes(i));
                if (greatest ? c > 0 : c < 0)
                    best = k;
            }
            if (best < 0)
                result.SetNull(i);
            else
                result.SetBytes(i, args[best].GetBytes(i));
        }
    }
}
