using Vnd.Planner.Types;

namespace Vnd.Planner.Logical;

/// <summary>
/// PostgreSQL's in_range support for RANGE frames with an offset: which ORDER BY key types take an offset, the
/// offset's type, and the type in which "key ± offset" is computed and compared with other rows' keys. Integer keys
/// compare in numeric so that key ± offset never overflows (PostgreSQL's in_range functions do not either).
/// </summary>
public static class RangeFrames
{
    /// <summary>The offset type for a key type; null when PostgreSQL has no in_range function for it.</summary>
    public static SqlType? OffsetType(SqlType key) => key.Id switch
    {
        TypeId.Int2 or TypeId.Int4 or TypeId.Int8 => SqlType.Int8,
        TypeId.Numeric => SqlType.Numeric,
        TypeId.Float4 or TypeId.Float8 => SqlType.Float8,
        TypeId.Timestamp or TypeId.TimestampTz or TypeId.Date or TypeId.Interval => SqlType.Interval,
        _ => null,
    };

    /// <summary>Whether an offset of type <paramref name="offset"/> converts implicitly to the key's offset type.</summary>
    public static bool Accepts(SqlType key, SqlType offset) => offset.Id is TypeId.Unknown or TypeId.Null || key.Id switch
    {
        TypeId.Int2 or TypeId.Int4 or TypeId.Int8 => offset.Id is TypeId.Int2 or TypeId.Int4 or TypeId.Int8,
        TypeId.Numeric => offset.Id is TypeId.Int2 or TypeId.Int4 or TypeId.Int8 or TypeId.Numeric,
        TypeId.Float4 or TypeId.Float8 => offset.IsNumeric,
        _ => offset.Id == TypeId.Interval,
    };

    /// <summary>The type key ± offset is computed in (date + interval is a timestamp, as in PostgreSQL).</summary>
    public static SqlType ComparisonType(SqlType key) => key.Id switch
    {
        TypeId.Int2 or TypeId.Int4 or TypeId.Int8 or TypeId.Numeric => SqlType.Numeric,
        TypeId.Float4 or TypeId.Float8 => SqlType.Float8,
        TypeId.Date or TypeId.Timestamp => SqlType.Timestamp,
        _ => key,
    };

    /// <summary>
    /// The edge value of one bound for a row whose key is <paramref name="key"/>: key − offset for PRECEDING in an
    /// ascending order, key + offset for FOLLOWING; a descending order runs the other way.
    /// </summary>
    public static BoundExpr Edge(BoundExpr key, BoundExpr offset, bool preceding, bool descending)
    {
        var type = ComparisonType(key.Type);
        var left = key.Type == type ? key : new BoundCast(key, type);
        var right = type.Id == TypeId.Numeric && offset.Type.Id != TypeId.Numeric ? new BoundCast(offset, type) : offset;
        return BoundCall.Operator(preceding != descending ? "-" : "+", type, left, right);
    }
}
