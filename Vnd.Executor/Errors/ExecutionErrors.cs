using System.Diagnostics.CodeAnalysis;
using Vnd.Planner.Types;
using Vnd.Planner.Errors;

namespace Vnd.Executor;

/// <summary>
/// Throw helpers kept out of line so kernels stay small and inlinable (Kestrel's convention). Messages follow
/// PostgreSQL's wording so clients and tests see what psql would print.
/// </summary>
public static class ExecutionErrors
{
    [DoesNotReturn]
    public static void DivisionByZero() =>
        throw new ExecutionException(SqlState.DivisionByZero, "division by zero");

    [DoesNotReturn]
    public static void OutOfRange(SqlType type) => throw OutOfRangeException(type);

    /// <summary>PostgreSQL reports numbers out of range as 22003 and dates, times and intervals as 22008.</summary>
    public static ExecutionException OutOfRangeException(SqlType type) =>
        new(type.Id is TypeId.Date or TypeId.Timestamp or TypeId.TimestampTz or TypeId.Interval ? SqlState.DatetimeFieldOverflow : SqlState.NumericValueOutOfRange,
            OutOfRangeMessage(type));

    [DoesNotReturn]
    public static void InvalidInput(SqlType type, string text) =>
        throw new ExecutionException(SqlState.InvalidTextRepresentation,
            $"invalid input syntax for type {type.PgName}: \"{text}\"");

    [DoesNotReturn]
    public static void Unsupported(string what) =>
        throw new ExecutionException(SqlState.FeatureNotSupported, what);

    private static string OutOfRangeMessage(SqlType type) => type.Id switch
    {
        TypeId.Int2 => "smallint out of range",
        TypeId.Int4 => "integer out of range",
        TypeId.Int8 => "bigint out of range",
        TypeId.Numeric => "numeric field overflow",
        TypeId.Float4 or TypeId.Float8 => "value out of range: overflow",
        TypeId.Date => "date out of range",
        TypeId.Timestamp or TypeId.TimestampTz => "timestamp out of range",
        TypeId.Interval => "interval out of range",
        _ => $"{type.PgName} out of range",
    };
}
