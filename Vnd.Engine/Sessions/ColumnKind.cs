namespace Vnd.Engine.Sessions;

/// <summary>
/// How one result column is read from its vector and handed to the row writer: chosen once per result from the
/// column's logical and physical type, so writing a value is one switch, never a virtual call or a box.
/// </summary>
public enum ColumnKind : byte
{
    Bool,
    Int16,
    Int32,
    Int64,
    Oid,
    Float,
    Numeric,
    Text,
    Bytea,
    Date,
    TimestampMicros,
    TimestampNanos,
    TimestampTzMicros,
    TimestampTzNanos,
    Interval,
    Inet4,
    Inet,
    MacAddr,
    /// <summary>time without time zone: µs since midnight.</summary>
    Time,
    /// <summary>jsonb: text, and in binary a version byte (1) before it.</summary>
    Jsonb,
    /// <summary>A one-dimensional array of a scalar kind (ArrayLayout bytes; the element kind is per column).</summary>
    Array,
    /// <summary>A type with no vector layout (arrays of arrays): reported as 0A000 when a row reaches it.</summary>
    Unsupported,
}
