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
    /// <summary>A type with no vector layout (arrays): reported as 0A000 when a row reaches it.</summary>
    Unsupported,
}
