using Vnd.Planner.Types;

namespace Vnd.Executor.Remote;

/// <summary>
/// A logical type as one exact word in Flight field metadata (<see cref="TableServerProtocol.SqlTypeKey"/>), so a
/// control server without the tables' manifests binds the columns with the very types the table server stores.
/// <see cref="SqlType.PgName"/> is not enough: it drops the timestamp resolution (ns vs µs) and the inet family
/// (IPv4-only columns travel as UInt32), and the Arrow type alone cannot tell text from an array of anything.
/// </summary>
public static class SqlTypeText
{
    private const string ArraySuffix = "[]";

    /// <summary>Every type without an element, by its word (the element of an array is one of these or an array).</summary>
    private static readonly Dictionary<string, SqlType> Scalars = new(StringComparer.Ordinal)
    {
        ["unknown"] = SqlType.Unknown, ["null"] = SqlType.Null, ["bool"] = SqlType.Bool, ["int2"] = SqlType.Int2,
        ["int4"] = SqlType.Int4, ["int8"] = SqlType.Int8, ["float4"] = SqlType.Float4, ["float8"] = SqlType.Float8,
        ["numeric"] = SqlType.Numeric, ["text"] = SqlType.Text, ["bytea"] = SqlType.Bytea, ["date"] = SqlType.Date, ["time"] = SqlType.Time, ["json"] = SqlType.Json, ["jsonb"] = SqlType.Jsonb,
        ["timestamp"] = SqlType.Timestamp, ["timestamptz"] = SqlType.TimestampTz, ["timestamptz(ns)"] = SqlType.TimestampTzNanos,
        ["interval"] = SqlType.Interval, ["inet"] = SqlType.Inet, ["inet4"] = SqlType.Inet4, ["inet6"] = SqlType.Inet6,
        ["cidr"] = SqlType.Cidr, ["macaddr"] = SqlType.MacAddr, ["oid"] = SqlType.Oid,
    };

    /// <summary>The word of <paramref name="type"/>, e.g. <c>timestamptz(ns)</c>, <c>inet4</c>, <c>int4[]</c>.</summary>
    public static string Format(SqlType type)
    {
        if (type.Element is { } element)
            return Format(element) + ArraySuffix;
        foreach (var (word, scalar) in Scalars)
        {
            if (scalar == type)
                return word;
        }
        throw new InvalidOperationException($"type {type.PgName} has no word");
    }

    /// <summary>The type <see cref="Format"/> wrote, or null for a word it never writes.</summary>
    public static SqlType? Parse(string? word)
    {
        if (word is null)
            return null;
        if (word.EndsWith(ArraySuffix, StringComparison.Ordinal))
            return Parse(word[..^ArraySuffix.Length]) is { } element ? SqlType.ArrayOf(element) : null;
        return Scalars.GetValueOrDefault(word);
    }
}
