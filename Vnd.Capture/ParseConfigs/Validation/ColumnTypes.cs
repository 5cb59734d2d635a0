using Vnd.Planner.Types;

namespace Vnd.Capture.ParseConfigs.Validation;

/// <summary>
/// The type of a column several fields fill (<c>tcp.src</c> and <c>udp.src</c> into <c>src_port</c>):
/// equal types stay; IPv4 and IPv6 inet fields share an any-family inet column; integer fields share
/// the widest integer type. Anything else cannot share a column.
/// </summary>
public static class ColumnTypes
{
    public static SqlType? Unify(SqlType a, SqlType b)
    {
        if (a.Equals(b))
        {
            return a;
        }

        if (a.Id == TypeId.Inet && b.Id == TypeId.Inet)
        {
            return SqlType.Inet;
        }

        if (a.IsInteger && b.IsInteger)
        {
            return Width(a) >= Width(b) ? a : b;
        }

        return null;
    }

    /// <summary>A type as messages name it: the PostgreSQL name, plus the family of a one-family inet.</summary>
    public static string Describe(SqlType type) => type.Id == TypeId.Inet && type.Family != InetFamily.Any
        ? $"{type.PgName} ({(type.Family == InetFamily.V4 ? "IPv4" : "IPv6")})"
        : type.PgName;

    private static int Width(SqlType type) => type.Id switch
    {
        TypeId.Int2 => 2,
        TypeId.Int4 => 4,
        _ => 8,
    };
}
