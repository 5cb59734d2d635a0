namespace Vnd.Executor.Vectors;

/// <summary>
/// How a vector lays out its values in memory. Several logical types share one layout: timestamps are
/// <see cref="Int64"/> (unit from the column's SqlType), dates are <see cref="Int32"/> days since 1970-01-01 (Arrow date32; timestamps count from the Unix epoch too),
/// text and bytea are <see cref="VarBytes"/>.
/// </summary>
public enum PhysicalType : byte
{
    /// <summary>One byte per value, 0 or 1.</summary>
    Bool,
    Int16,
    Int32,
    Int64,
    Float64,
    /// <summary>System.Decimal: numeric results of sum/avg and numeric literals.</summary>
    Decimal,
    /// <summary><see cref="StringRef"/> per row into the vector's byte heap (UTF-8 text or raw bytea).</summary>
    VarBytes,
    /// <summary><see cref="PgInterval"/>: months, days, microseconds like PostgreSQL.</summary>
    Interval,
    /// <summary>IPv4 address as a host-order uint32: the fast path for trace-table address columns.</summary>
    Inet4,
    /// <summary><see cref="InetValue"/>: 16 address bytes, prefix length and family.</summary>
    Inet,
    /// <summary>48-bit MAC address in the low bits of a uint64.</summary>
    MacAddr,
}
