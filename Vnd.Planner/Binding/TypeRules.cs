using Vnd.Planner.Errors;
using Vnd.Planner.Syntax.Ast;
using Vnd.Planner.Types;

namespace Vnd.Planner.Binding;

/// <summary>
/// PostgreSQL's implicit-cast lattice for the types VND has (pg_cast castcontext = 'i') and the common-type rule of
/// UNION/CASE/IN/COALESCE (select_common_type): numeric category int2 &lt; int4 &lt; int8 &lt; numeric &lt; float4 &lt; float8,
/// date &lt; timestamp &lt; timestamptz, cidr &lt; inet; unknown literals take the other side's type.
/// </summary>
public static class TypeRules
{
    private static int NumericRank(TypeId id) => id switch
    {
        TypeId.Int2 => 1,
        TypeId.Int4 => 2,
        TypeId.Int8 => 3,
        TypeId.Numeric => 4,
        TypeId.Float4 => 5,
        TypeId.Float8 => 6,
        _ => 0,
    };

    private static int TimeRank(TypeId id) => id switch
    {
        TypeId.Date => 1,
        TypeId.Timestamp => 2,
        TypeId.TimestampTz => 3,
        _ => 0,
    };

    public static bool SameType(SqlType a, SqlType b) => a.Id == b.Id && (a.Id != TypeId.Array || SameType(a.Element!, b.Element!));

    public static bool IsUnknown(SqlType type) => type.Id is TypeId.Unknown or TypeId.Null;

    public static bool CanImplicitlyCast(SqlType from, SqlType to)
    {
        if (SameType(from, to) || IsUnknown(from))
        {
            return true;
        }
        int fromNumeric = NumericRank(from.Id), toNumeric = NumericRank(to.Id);
        if (fromNumeric > 0 && toNumeric > 0)
        {
            return fromNumeric < toNumeric;
        }
        int fromTime = TimeRank(from.Id), toTime = TimeRank(to.Id);
        if (fromTime > 0 && toTime > 0)
        {
            return fromTime < toTime;
        }
        // VND's own: an array passes as its text form to the functions that read one (array_to_string, array_length,
        // unnest), which PostgreSQL declares over anyarray.
        if (from.Id == TypeId.Array && to.Id == TypeId.Text)
        {
            return true;
        }
        // pg_cast: int2/int4/int8 → oid are implicit, so catalog queries may write attrelid = 16393 or format_type(23, NULL).
        return (from.Id == TypeId.Cidr && to.Id == TypeId.Inet) || (from.IsInteger && to.Id == TypeId.Oid);
    }

    /// <summary>The type both can be implicitly cast to, preferring the higher one; null when none.</summary>
    public static SqlType? CommonType(SqlType a, SqlType b)
    {
        if (IsUnknown(a))
        {
            return b;
        }
        if (IsUnknown(b) || SameType(a, b))
        {
            return a;
        }
        if (CanImplicitlyCast(a, b))
        {
            return b;
        }
        return CanImplicitlyCast(b, a) ? a : null;
    }

    /// <summary>Explicit CAST validity (pg_cast plus the I/O conversions through text).</summary>
    public static bool CanExplicitlyCast(SqlType from, SqlType to)
    {
        if (CanImplicitlyCast(from, to) || from.Id == TypeId.Text || to.Id == TypeId.Text)
        {
            return true;
        }
        if (NumericRank(from.Id) > 0 && NumericRank(to.Id) > 0)
        {
            return true;
        }
        if (TimeRank(from.Id) > 0 && TimeRank(to.Id) > 0)
        {
            return true;
        }
        return (from.Id, to.Id) switch
        {
            (TypeId.Int4, TypeId.Bool) or (TypeId.Bool, TypeId.Int4) => true,
            // pg_cast: time from timestamp, timestamptz and interval; time to interval.
            (TypeId.Timestamp or TypeId.TimestampTz or TypeId.Interval, TypeId.Time) or (TypeId.Time, TypeId.Interval) => true,
            (TypeId.Json, TypeId.Jsonb) or (TypeId.Jsonb, TypeId.Json) => true,
            (TypeId.Inet, TypeId.Cidr) => true,
            (TypeId.Array, TypeId.Array) => CanExplicitlyCast(from.Element!, to.Element!),
            (TypeId.Int4 or TypeId.Int8, TypeId.Oid) or (TypeId.Oid, TypeId.Int4 or TypeId.Int8) => true,
            _ => false,
        };
    }

    /// <summary>Resolves a type name as the parser normalised it; 42704 for names VND does not have.</summary>
    public static SqlType Resolve(TypeName name)
    {
        var schema = name.Names.Count > 1 ? name.Names[0] : null;
        if (schema is not null and not "pg_catalog")
        {
            throw BinderErrors.Error(BinderErrors.UndefinedObject, $"type \"{string.Join('.', name.Names)}\" does not exist", name);
        }
        SqlType? type = name.Name switch
        {
            "bool" => SqlType.Bool,
            "int2" or "smallint" => SqlType.Int2,
            "int4" or "int" or "integer" => SqlType.Int4,
            "int8" or "bigint" => SqlType.Int8,
            "float4" or "real" => SqlType.Float4,
            "float8" => SqlType.Float8,
            "numeric" => SqlType.Numeric,
            // "char", aclitem and the vector types have no VND type: catalog columns of those types are text.
            "text" or "varchar" or "bpchar" or "name" or "char" or "aclitem" or "int2vector" or "oidvector" or "pg_node_tree" => SqlType.Text,
            "bytea" => SqlType.Bytea,
            "date" => SqlType.Date,
            "time" => SqlType.Time,
            "json" => SqlType.Json,
            "jsonb" => SqlType.Jsonb,
            "timestamp" => SqlType.Timestamp,
            "timestamptz" => SqlType.TimestampTz,
            "interval" => SqlType.Interval,
            "inet" => SqlType.Inet,
            "cidr" => SqlType.Cidr,
            "macaddr" => SqlType.MacAddr,
            "oid" or "regclass" or "regtype" or "regproc" or "regprocedure" or "regnamespace" or "regrole" => SqlType.Oid,
            _ => null,
        };
        if (type is null)
        {
            throw BinderErrors.Error(BinderErrors.UndefinedObject, $"type \"{name.Name}\" does not exist", name);
        }
        for (var i = 0; i < name.ArrayDimensions; i++)
        {
            type = SqlType.ArrayOf(type);
        }
        return type;
    }

    public static void RequireBoolean(SqlType type, string construct, SqlNode node)
    {
        if (type.Id != TypeId.Bool && !IsUnknown(type))
        {
            throw BinderErrors.Error(SqlState.DatatypeMismatch, $"argument of {construct} must be type boolean, not type {type.PgName}", node);
        }
    }
}
