using Vnd.Planner.Types;

namespace Vnd.Planner.Catalog;

public static partial class BuiltinFunctions
{
    /// <summary>
    /// JSON functions with fixed signatures. to_json, json_build_object/array (VARIADIC "any") and json_agg are bound
    /// by the binder itself (ExprBinder.Json), as PostgreSQL's "any" arguments keep their own types.
    /// </summary>
    private static void AddJson(List<FunctionSignature> f)
    {
        foreach (var (type, prefix) in (ReadOnlySpan<(SqlType, string)>)[(SqlType.Json, "json"), (SqlType.Jsonb, "jsonb")])
        {
            f.Add(Fn(prefix + "_typeof", [type], SqlType.Text));
            f.Add(Fn(prefix + "_array_length", [type], SqlType.Int4));
        }
        f.Add(Fn("jsonb_pretty", [SqlType.Jsonb], SqlType.Text));
    }
}
