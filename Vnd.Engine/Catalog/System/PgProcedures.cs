namespace Vnd.Engine.Catalog.System;

/// <summary>
/// The functions pg_proc lists: the built-in types' receive and input functions (Npgsql joins typreceive to find
/// array_recv; pgJDBC compares typinput with array_in) with their PostgreSQL signatures.
/// </summary>
public static class PgProcedures
{
    private const int Internal = 2281, Cstring = 2275, AnyArray = 2277, Oid = 26, Int4 = 23;

    public static IReadOnlyList<PgProcedure> All { get; } = Build();

    private static List<PgProcedure> Build()
    {
        var all = new List<PgProcedure>
        {
            new(PgType.ArrayRecv, "array_recv", AnyArray, [Internal, Oid, Int4]),
            new(PgType.ArrayIn, "array_in", AnyArray, [Cstring, Oid, Int4]),
        };
        foreach (var t in PgTypes.All)
        {
            if (t.IsArray)
                continue;
            all.Add(new PgProcedure(t.Receive, t.Name + "recv", t.Oid, [Internal]));
            all.Add(new PgProcedure(t.Input, t.Name + "in", t.Oid, [Cstring]));
        }
        return all;
    }
}

/// <summary>One pg_proc row: OID, name, result type and argument types (all in pg_catalog).</summary>
public sealed record PgProcedure(int Oid, string Name, int Returns, int[] Arguments)
{
    /// <summary>What pg_get_function_arguments prints: the argument types' names, comma separated.</summary>
    public string ArgumentText => string.Join(", ", Arguments.Select(a => PgTypes.Find(a)?.FormatName ?? a.ToString(global::System.Globalization.CultureInfo.InvariantCulture)));
}
