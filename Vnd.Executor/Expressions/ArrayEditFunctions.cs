using Vnd.Executor.Vectors;
using Vnd.Planner.Errors;
using Vnd.Planner.Types;

namespace Vnd.Executor.Expressions;

/// <summary>
/// array_position(s), array_remove, array_replace, array_append, array_prepend and trim_array over typed arrays
/// (<see cref="ArrayLayout"/> values). Elements are searched with IS NOT DISTINCT FROM, as PostgreSQL does: a NULL
/// element argument finds, removes or replaces NULL elements, so only a NULL array makes the result NULL (for
/// append and prepend not even that: the value becomes a one-element array).
/// </summary>
internal static class ArrayEditFunctions
{
    public static Expression? Resolve(string name, IReadOnlyList<Expression> a)
    {
        var arrayAt = name == "array_prepend" ? 1 : 0;
        if (a.Count < 2 || a[arrayAt].Type.Id != TypeId.Array)
            return null;
        var type = a[arrayAt].Type;
        var element = type.Element!;
        Expression Element(int k) => TypeUnification.To(a[k], element);
        var physical = PhysicalTypes.Of(element);
        switch (name)
        {
            case "array_position" when a.Count is 2 or 3:
                Expression[] positionArgs = a.Count == 2 ? [a[0], Element(1)] : [a[0], Element(1), TypeUnification.To(a[2], SqlType.Int4)];
                return Rows(name, SqlType.Int4, positionArgs, (args, r, i, _) => Position(args, r, i, physical));
            case "array_positions" when a.Count == 2:
                return Rows(name, SqlType.ArrayOf(SqlType.Int4), [a[0], Element(1)], (args, r, i, writer) =>
                {
                    var array = args[0].GetBytes(i);
                    writer.Begin(PhysicalType.Int32);
                    for (var k = 0; k < ArrayLayout.Count(array); k++)
                    {
                        if (Matches(array, k, args[1], i, physical))
                            writer.Add(k + 1);
                    }
                    writer.WriteTo(r, i);
                });
            case "array_remove" when a.Count == 2:
                return Rows(name, type, [a[0], Element(1)], (args, r, i, writer) => Copy(args[0].GetBytes(i), writer, physical, args[1], null, i, r));
            case "array_replace" when a.Count == 3:
                return Rows(name, type, [a[0], Element(1), Element(2)], (args, r, i, writer) =>
                    Copy(args[0].GetBytes(i), writer, physical, args[1], args[2], i, r));
            case "array_append" or "array_prepend" when a.Count == 2:
                var append = name == "array_append";
                var value = append ? 1 : 0;
                Expression[] edgeArgs = append ? [a[0], Element(1)] : [Element(0), a[1]];
                return new FunctionExpression(name, type, edgeArgs, (args, r, rows) =>
                {
                    RowKernel.Prepare(args, r);
                    var writer = new ArrayWriter(physical);
                    foreach (var i in rows)
                    {
                        writer.Begin(physical);
                        if (!append)
                            writer.AddFrom(args[value], i);
                        if (!args[arrayAt].IsNull(i))
                            AddAll(args[arrayAt].GetBytes(i), writer, physical);
                        if (append)
                            writer.AddFrom(args[value], i);
                        writer.WriteTo(r, i);
                    }
                });
            case "trim_array" when a.Count == 2:
                return Rows(name, type, [a[0], TypeUnification.To(a[1], SqlType.Int4)], (args, r, i, writer) =>
                {
                    if (args[1].IsNull(i))
                    {
                        r.SetNull(i);
                        return;
                    }
                    var array = args[0].GetBytes(i);
                    var count = ArrayLayout.Count(array);
                    var trim = args[1].Get<int>(i);
                    if (trim < 0 || trim > count)
                        throw new ExecutionException(SqlState.ArraySubscriptError, $"number of elements to trim must be between 0 and {count}");
                    writer.Begin(physical);
                    for (var k = 0; k < count - trim; k++)
                        AddElement(array, k, writer, physical);
                    writer.WriteTo(r, i);
                });
            default:
                return null;
        }
    }

    /// <summary>array_position(a, x [, start]): the first match at or after start, else NULL.</summary>
    private static void Position(ReadOnlySpan<Vector> args, Vector result, int i, PhysicalType physical)
    {
        var array = args[0].GetBytes(i);
        var start = 0;
        if (args.Length > 2)
        {
            if (args[2].IsNull(i))
                throw new ExecutionException(SqlState.NullValueNotAllowed, "initial position must not be null");
            start = Math.Max(0, args[2].Get<int>(i) - 1);
        }
        for (var k = start; k < ArrayLayout.Count(array); k++)
        {
            if (Matches(array, k, args[1], i, physical))
            {
                result.Set(i, k + 1);
                return;
            }
        }
        result.SetNull(i);
    }

    /// <summary>The array with the elements matching <paramref name="match"/> dropped (array_remove) or replaced by
    /// <paramref name="replacement"/> (array_replace).</summary>
    private static void Copy(ReadOnlySpan<byte> array, ArrayWriter writer, PhysicalType physical, Vector match, Vector? replacement, int row, Vector result)
    {
        writer.Begin(physical);
        for (var k = 0; k < ArrayLayout.Count(array); k++)
        {
            if (!Matches(array, k, match, row, physical))
                AddElement(array, k, writer, physical);
            else if (replacement is not null)
                writer.AddFrom(replacement, row);
        }
        writer.WriteTo(result, row);
    }

    private static void AddAll(ReadOnlySpan<byte> array, ArrayWriter writer, PhysicalType physical)
    {
        for (var k = 0; k < ArrayLayout.Count(array); k++)
            AddElement(array, k, writer, physical);
    }

    private static void AddElement(ReadOnlySpan<byte> array, int k, ArrayWriter writer, PhysicalType physical)
    {
        if (ArrayLayout.IsNull(array, k))
            writer.AddNull();
        else if (physical == PhysicalType.VarBytes)
            writer.AddBytes(Element(array, k, physical));
        else
            writer.AddFixed(Element(array, k, physical));
    }

    /// <summary>Element k IS NOT DISTINCT FROM row i of the value, compared with the element type's equality.</summary>
    private static bool Matches(ReadOnlySpan<byte> array, int k, Vector value, int row, PhysicalType physical)
    {
        var elementNull = ArrayLayout.IsNull(array, k);
        if (value.IsNull(row) || elementNull)
            return value.IsNull(row) && elementNull;
        var size = physical == PhysicalType.VarBytes ? 0 : PhysicalTypes.SizeOf(physical);
        var bytes = size == 0 ? value.GetBytes(row) : value.Data<byte>().Slice((value.IsConstant ? 0 : row) * size, size);
        return SameValue(Element(array, k, physical), bytes, physical);
    }

    /// <summary>Element i of one array equals element j of another (both non-NULL, same element layout), by value.</summary>
    internal static bool ElementsEqual(ReadOnlySpan<byte> a, int i, ReadOnlySpan<byte> b, int j, PhysicalType physical) =>
        SameValue(Element(a, i, physical), Element(b, j, physical), physical);

    /// <summary>The stored bytes of element k: its fixed-width value or its text/bytea payload.</summary>
    private static ReadOnlySpan<byte> Element(ReadOnlySpan<byte> array, int k, PhysicalType physical) =>
        physical == PhysicalType.VarBytes
            ? ArrayLayout.Bytes(array, k)
            : ArrayLayout.Values(array).Slice(k * PhysicalTypes.SizeOf(physical), PhysicalTypes.SizeOf(physical));

    /// <summary>Two stored values of one element layout are equal as values (0 = -0 and NaN = NaN for floats,
    /// 1.0 = 1.00 for numeric), not as bytes.</summary>
    private static bool SameValue(ReadOnlySpan<byte> x, ReadOnlySpan<byte> y, PhysicalType physical) => physical switch
    {
        PhysicalType.Float64 => Read<double>(x).Equals(Read<double>(y)),
        PhysicalType.Decimal => Read<decimal>(x) == Read<decimal>(y),
        PhysicalType.Interval => Read<PgInterval>(x).CompareTo(Read<PgInterval>(y)) == 0,
        // A struct with padding bytes: compared by its fields.
        PhysicalType.Inet => Read<InetValue>(x).Equals(Read<InetValue>(y)),
        // Integers, IPv4 addresses, booleans and text: equal values have equal bytes.
        _ => x.SequenceEqual(y),
    };

    private static T Read<T>(ReadOnlySpan<byte> bytes) where T : unmanaged => System.Runtime.InteropServices.MemoryMarshal.Read<T>(bytes);

    /// <summary>A kernel whose array argument (the first) is NULL at a row gives NULL there; each kernel owns one
    /// writer, reused from row to row.</summary>
    private static Expression Rows(string name, SqlType type, Expression[] args, ArrayRowBody body) =>
        new FunctionExpression(name, type, args, (values, r, rows) =>
        {
            RowKernel.Prepare(values, r);
            var writer = new ArrayWriter(PhysicalType.Int32);
            foreach (var i in rows)
            {
                if (values[0].IsNull(i))
                    r.SetNull(i);
                else
                    body(values, r, i, writer);
            }
        });

    private delegate void ArrayRowBody(ReadOnlySpan<Vector> args, Vector result, int row, ArrayWriter writer);
}
