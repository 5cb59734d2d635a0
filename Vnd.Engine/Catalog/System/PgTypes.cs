using Vnd.Planner.Types;

namespace Vnd.Engine.Catalog.System;

/// <summary>
/// The built-in types pg_type lists, with PostgreSQL 15's OIDs, and the map from VND's logical types to them (the
/// OIDs RowDescription and pg_attribute.atttypid report). Types VND has no value form for (name, "char", aclitem,
/// int2vector) appear in pg_type for completeness; catalog columns of those types are text in VND.
/// </summary>
public static class PgTypes
{
    /// <summary>Receive/input procedures of base types get OIDs from here up, two per type, in list order.</summary>
    public const int FirstIoProcedure = 9000;

    public static IReadOnlyList<PgType> All { get; } = Build();

    private static readonly Dictionary<int, PgType> ByOid = All.ToDictionary(t => t.Oid);

    public static PgType? Find(int oid) => ByOid.GetValueOrDefault(oid);

    public static PgType? FindByName(string name)
    {
        foreach (var type in All)
        {
            if (type.Name == name || type.FormatName == name)
                return type;
        }
        return null;
    }

    /// <summary>The type OID of a VND value type, as a PostgreSQL client expects to see it.</summary>
    public static int OidOf(SqlType type) => type.Id switch
    {
        TypeId.Bool => 16,
        TypeId.Bytea => 17,
        TypeId.Int8 => 20,
        TypeId.Int2 => 21,
        TypeId.Int4 => 23,
        TypeId.Text => 25,
        TypeId.Oid => 26,
        TypeId.Float4 => 700,
        TypeId.Float8 => 701,
        TypeId.Cidr => 650,
        TypeId.MacAddr => 829,
        TypeId.Inet => 869,
        TypeId.Date => 1082,
        TypeId.Time => 1083,
        TypeId.Json => 114,
        TypeId.Jsonb => 3802,
        TypeId.Timestamp => 1114,
        TypeId.TimestampTz => 1184,
        TypeId.Interval => 1186,
        TypeId.Numeric => 1700,
        TypeId.Array => Find(OidOf(type.Element!))?.Array ?? 0,
        _ => 705,
    };

    private static List<PgType> Build()
    {
        var types = new List<PgType>();
        void Base(int oid, string name, char category, short length, bool byValue, int array, string format, SqlType? engine, int element = 0)
        {
            var io = FirstIoProcedure + 2 * types.Count;
            types.Add(new PgType(oid, name, 'b', category, length, byValue, element, array, format) { Receive = io, Input = io + 1, EngineType = engine });
        }
        void Pseudo(int oid, string name, short length, int array)
        {
            var io = FirstIoProcedure + 2 * types.Count;
            types.Add(new PgType(oid, name, 'p', 'P', length, length > 0, 0, array, name) { Receive = io, Input = io + 1 });
        }
        Base(16, "bool", 'B', 1, true, 1000, "boolean", SqlType.Bool);
        Base(17, "bytea", 'U', -1, false, 1001, "bytea", SqlType.Bytea);
        Base(18, "char", 'Z', 1, true, 1002, "\"char\"", null);
        Base(19, "name", 'S', 64, false, 1003, "name", null, element: 18);
        Base(20, "int8", 'N', 8, true, 1016, "bigint", SqlType.Int8);
        Base(21, "int2", 'N', 2, true, 1005, "smallint", SqlType.Int2);
        Base(22, "int2vector", 'A', -1, false, 1006, "int2vector", null, element: 21);
        Base(23, "int4", 'N', 4, true, 1007, "integer", SqlType.Int4);
        Base(24, "regproc", 'N', 4, true, 1008, "regproc", null);
        Base(25, "text", 'S', -1, false, 1009, "text", SqlType.Text);
        Base(26, "oid", 'N', 4, true, 1028, "oid", SqlType.Oid);
        Base(30, "oidvector", 'A', -1, false, 1013, "oidvector", null, element: 26);
        Base(194, "pg_node_tree", 'Z', -1, false, 0, "pg_node_tree", null);
        Base(650, "cidr", 'I', -1, false, 651, "cidr", SqlType.Cidr);
        Base(700, "float4", 'N', 4, true, 1021, "real", SqlType.Float4);
        Base(701, "float8", 'N', 8, true, 1022, "double precision", SqlType.Float8);
        Pseudo(705, "unknown", -2, 0);
        Base(829, "macaddr", 'U', 6, false, 1040, "macaddr", SqlType.MacAddr);
        Base(869, "inet", 'I', -1, false, 1041, "inet", SqlType.Inet);
        Base(1033, "aclitem", 'U', 12, false, 1034, "aclitem", null);
        Base(1042, "bpchar", 'S', -1, false, 1014, "character", null);
        Base(1043, "varchar", 'S', -1, false, 1015, "character varying", null);
        Base(1082, "date", 'D', 4, true, 1182, "date", SqlType.Date);
        Base(1083, "time", 'D', 8, true, 1183, "time without time zone", SqlType.Time);
        Base(1114, "timestamp", 'D', 8, true, 1115, "timestamp without time zone", SqlType.Timestamp);
        Base(1184, "timestamptz", 'D', 8, true, 1185, "timestamp with time zone", SqlType.TimestampTz);
        Base(1186, "interval", 'T', 16, false, 1187, "interval", SqlType.Interval);
        Base(1700, "numeric", 'N', -1, false, 1231, "numeric", SqlType.Numeric);
        Base(2205, "regclass", 'N', 4, true, 2210, "regclass", null);
        Base(2206, "regtype", 'N', 4, true, 2211, "regtype", null);
        Pseudo(2249, "record", -1, 2287);
        Pseudo(2278, "void", 4, 0);
        Base(4089, "regnamespace", 'N', 4, true, 4090, "regnamespace", null);
        Base(4096, "regrole", 'N', 4, true, 4097, "regrole", null);
        // Append only: the I/O procedure OIDs above follow list order.
        Pseudo(2275, "cstring", -2, 1263);
        Pseudo(2277, "anyarray", -1, 0);
        Pseudo(2281, "internal", 8, 0);
        Base(114, "json", 'U', -1, false, 199, "json", SqlType.Json);
        Base(3802, "jsonb", 'U', -1, false, 3807, "jsonb", SqlType.Jsonb);
        foreach (var element in types.ToArray())
        {
            if (element.Array == 0)
                continue;
            var engine = element.EngineType is null ? null : SqlType.ArrayOf(element.EngineType);
            types.Add(new PgType(element.Array, "_" + element.Name, 'b', 'A', -1, false, element.Oid, 0, element.FormatName + "[]")
            {
                Receive = PgType.ArrayRecv,
                Input = PgType.ArrayIn,
                EngineType = engine,
            });
        }
        return types;
    }
}
