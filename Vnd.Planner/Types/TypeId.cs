namespace Vnd.Planner.Types;

/// <summary>
/// The logical types VND speaks, named after PostgreSQL's. Values are persisted in manifests
/// and plan fragments, so they are append-only: never renumber, only add at the end.
/// </summary>
public enum TypeId : byte
{
    /// <summary>The type of an untyped literal or parameter before binding resolves it.</summary>
    Unknown = 0,
    Bool = 1,
    Int2 = 2,
    Int4 = 3,
    Int8 = 4,
    Float4 = 5,
    Float8 = 6,
    Numeric = 7,
    Text = 8,
    Bytea = 9,
    Date = 10,
    Timestamp = 11,
    TimestampTz = 12,
    Interval = 13,
    Inet = 14,
    Cidr = 15,
    MacAddr = 16,
    Oid = 17,
    Array = 18,
    Null = 19,
    /// <summary>time without time zone: microseconds since midnight, 00:00:00 … 24:00:00.</summary>
    Time = 20,
    /// <summary>json: the input text, checked.</summary>
    Json = 21,
    /// <summary>jsonb: canonical JSON text (sorted unique keys, normalised numbers and spacing).</summary>
    Jsonb = 22,
}
