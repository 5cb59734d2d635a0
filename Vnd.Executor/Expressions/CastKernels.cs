using Vnd.Executor.Vectors;
using Vnd.Planner.Types;

namespace Vnd.Executor.Expressions;

/// <summary>Picks a typed kernel for a cast, or null when the row-by-row converter must do it.</summary>
internal static class CastKernels
{
    public static UnaryKernel? Select(SqlType from, SqlType to)
    {
        var source = PhysicalTypes.Of(from);
        var target = PhysicalTypes.Of(to);
        if (from.IsNumeric && to.IsNumeric)
            return Numeric(source, target);
        if (from.Id is TypeId.Timestamp or TypeId.TimestampTz && to.Id is TypeId.Timestamp or TypeId.TimestampTz)
        {
            if (from.Unit == to.Unit)
                return Identity<long>;
            return to.Unit == TimeUnit.Nanosecond ? Kernels.Unary<long, long, ScaleOp> : Kernels.Unary<long, long, UnscaleOp>;
        }
        if (from.Id is TypeId.Timestamp or TypeId.TimestampTz && to.Id == TypeId.Time)
            return from.Unit == TimeUnit.Nanosecond ? TimeOfDayOrNull<NanosTimeOfDayOp> : TimeOfDayOrNull<MicrosTimeOfDayOp>;
        if (from.Id == TypeId.Bool && to.Id == TypeId.Int4)
            return Kernels.Unary<byte, int, BoolToIntOp>;
        if (from.Id == TypeId.Int4 && to.Id == TypeId.Bool)
            return Kernels.Unary<int, byte, IntToBoolOp>;
        if (source == target && from.Id == to.Id && source != PhysicalType.VarBytes)
            return source switch
            {
                PhysicalType.Bool => Identity<byte>,
                PhysicalType.Int64 => Identity<long>,
                PhysicalType.Inet4 => Identity<uint>,
                PhysicalType.Inet => Identity<InetValue>,
                PhysicalType.Interval => Identity<PgInterval>,
                PhysicalType.MacAddr => Identity<ulong>,
                _ => null,
            };
        return null;
    }

    private static UnaryKernel? Numeric(PhysicalType source, PhysicalType target) => (source, target) switch
    {
        (PhysicalType.Int16, PhysicalType.Int16) => Identity<short>,
        (PhysicalType.Int16, PhysicalType.Int32) => Kernels.Unary<short, int, WidenOp<short, int>>,
        (PhysicalType.Int16, PhysicalType.Int64) => Kernels.Unary<short, long, WidenOp<short, long>>,
        (PhysicalType.Int16, PhysicalType.Float64) => Kernels.Unary<short, double, WidenOp<short, double>>,
        (PhysicalType.Int16, PhysicalType.Decimal) => Kernels.Unary<short, decimal, WidenOp<short, decimal>>,
        (PhysicalType.Int32, PhysicalType.Int16) => Kernels.Unary<int, short, WidenOp<int, short>>,
        (PhysicalType.Int32, PhysicalType.Int32) => Identity<int>,
        (PhysicalType.Int32, PhysicalType.Int64) => Kernels.Unary<int, long, WidenOp<int, long>>,
        (PhysicalType.Int32, PhysicalType.Float64) => Kernels.Unary<int, double, WidenOp<int, double>>,
        (PhysicalType.Int32, PhysicalType.Decimal) => Kernels.Unary<int, decimal, WidenOp<int, decimal>>,
        (PhysicalType.Int64, PhysicalType.Int16) => Kernels.Unary<long, short, WidenOp<long, short>>,
        (PhysicalType.Int64, PhysicalType.Int32) => Kernels.Unary<long, int, WidenOp<long, int>>,
        (PhysicalType.Int64, PhysicalType.Int64) => Identity<long>,
        (PhysicalType.Int64, PhysicalType.Float64) => Kernels.Unary<long, double, WidenOp<long, double>>,
        (PhysicalType.Int64, PhysicalType.Decimal) => Kernels.Unary<long, decimal, WidenOp<long, decimal>>,
        (PhysicalType.Float64, PhysicalType.Int16) => Kernels.Unary<double, short, FloatToIntegerOp<short>>,
        (PhysicalType.Float64, PhysicalType.Int32) => Kernels.Unary<double, int, FloatToIntegerOp<int>>,
        (PhysicalType.Float64, PhysicalType.Int64) => Kernels.Unary<double, long, FloatToIntegerOp<long>>,
        (PhysicalType.Float64, PhysicalType.Float64) => Identity<double>,
        (PhysicalType.Float64, PhysicalType.Decimal) => Kernels.Unary<double, decimal, FloatToDecimalOp>,
        (PhysicalType.Decimal, PhysicalType.Int16) => Kernels.Unary<decimal, short, DecimalToIntegerOp<short>>,
        (PhysicalType.Decimal, PhysicalType.Int32) => Kernels.Unary<decimal, int, DecimalToIntegerOp<int>>,
        (PhysicalType.Decimal, PhysicalType.Int64) => Kernels.Unary<decimal, long, DecimalToIntegerOp<long>>,
        (PhysicalType.Decimal, PhysicalType.Float64) => Kernels.Unary<decimal, double, DecimalToDoubleOp>,
        (PhysicalType.Decimal, PhysicalType.Decimal) => Identity<decimal>,
        _ => null,
    };

    /// <summary>timestamp → time; an infinite timestamp has no time of day: NULL, as timestamp_time gives.</summary>
    private static void TimeOfDayOrNull<TOp>(Vector input, Vector result, ReadOnlySpan<int> rows) where TOp : IUnaryOp<long, long>
    {
        Kernels.Unary<long, long, TOp>(input, result, rows);
        if (input.IsConstant)
        {
            if (!input.IsNull(0) && TemporalInfinity.IsTimestamp(input.Get<long>(0)))
                result.SetNull(0);
            return;
        }
        var values = input.Data<long>();
        foreach (var i in rows)
        {
            if (TemporalInfinity.IsTimestamp(values[i]) && input.Validity.IsValid(i))
                result.SetNull(i);
        }
    }

    private static void Identity<T>(Vector input, Vector result, ReadOnlySpan<int> rows) where T : unmanaged =>
        Kernels.Unary<T, T, IdentityOp<T>>(input, result, rows);

    private readonly struct IdentityOp<T> : IUnaryOp<T, T>
    {
        public static T Apply(T value) => value;
    }
}
