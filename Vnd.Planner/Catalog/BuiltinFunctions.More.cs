using Vnd.Planner.Types;

namespace Vnd.Planner.Catalog;

public static partial class BuiltinFunctions
{
    private static void AddMoreMath(List<FunctionSignature> f)
    {
        foreach (var type in (SqlType[])[SqlType.Int4, SqlType.Int8])
        {
            f.Add(Fn("gcd", [type, type], type));
            f.Add(Fn("lcm", [type, type], type));
        }
        f.Add(Fn("div", [SqlType.Numeric, SqlType.Numeric], SqlType.Numeric));
        f.Add(Fn("factorial", [SqlType.Int8], SqlType.Numeric));
        foreach (var name in (string[])["sin", "cos", "tan", "cot", "asin", "acos", "atan", "sinh", "cosh", "tanh", "asinh", "acosh", "atanh",
                     "cbrt", "degrees", "radians"])
        {
            f.Add(Fn(name, [SqlType.Float8], SqlType.Float8));
        }
        f.Add(Fn("atan2", [SqlType.Float8, SqlType.Float8], SqlType.Float8));
        f.Add(Fn("pi", [], SqlType.Float8));
    }

    private static void AddIntervalFunctions(List<FunctionSignature> f)
    {
        foreach (var type in Timestamps)
        {
            f.Add(Fn("age", [type, type], SqlType.Interval));
            f.Add(Fn("age", [type], SqlType.Interval));
        }
        foreach (var name in (string[])["justify_days", "justify_hours", "justify_interval"])
        {
            f.Add(Fn(name, [SqlType.Interval], SqlType.Interval));
        }
        foreach (var type in (SqlType[])[SqlType.Date, .. Timestamps, SqlType.Interval])
        {
            f.Add(Fn("isfinite", [type], SqlType.Bool));
        }
        foreach (var name in (string[])["transaction_timestamp", "statement_timestamp", "clock_timestamp"])
        {
            f.Add(Fn(name, [], SqlType.TimestampTz));
        }
        f.Add(Fn("timeofday", [], SqlType.Text));
    }

    /// <summary>anyarray functions: the array's element type and the element argument resolve together.</summary>
    private static void AddArrayEditing(List<FunctionSignature> f)
    {
        var anyArray = SqlType.ArrayOf(Any);
        f.Add(Fn("array_position", [anyArray, Any], SqlType.Int4));
        f.Add(Fn("array_position", [anyArray, Any, SqlType.Int4], SqlType.Int4));
        f.Add(Fn("array_positions", [anyArray, Any], SqlType.ArrayOf(SqlType.Int4)));
        f.Add(new("array_remove", FunctionKind.Scalar, [anyArray, Any], Any, ReturnTypeRule.ArrayOfPolymorphic));
        f.Add(new("array_replace", FunctionKind.Scalar, [anyArray, Any, Any], Any, ReturnTypeRule.ArrayOfPolymorphic));
        f.Add(new("array_append", FunctionKind.Scalar, [anyArray, Any], Any, ReturnTypeRule.ArrayOfPolymorphic));
        f.Add(new("array_prepend", FunctionKind.Scalar, [Any, anyArray], Any, ReturnTypeRule.ArrayOfPolymorphic));
        f.Add(new("trim_array", FunctionKind.Scalar, [anyArray, SqlType.Int4], Any, ReturnTypeRule.ArrayOfPolymorphic));
        // Bound by the binder (VARIADIC "any", the type itself); listed so the names resolve.
        f.Add(new("num_nulls", FunctionKind.Scalar, [Any], SqlType.Int4, Variadic: true));
        f.Add(new("num_nonnulls", FunctionKind.Scalar, [Any], SqlType.Int4, Variadic: true));
        f.Add(Fn("pg_typeof", [Any], SqlType.Text));
    }

    private static void AddMoreNetwork(List<FunctionSignature> f)
    {
        foreach (var name in (string[])["broadcast", "hostmask", "netmask"])
        {
            f.Add(Fn(name, [SqlType.Inet], SqlType.Inet));
        }
        f.Add(Fn("abbrev", [SqlType.Inet], SqlType.Text));
        f.Add(Fn("abbrev", [SqlType.Cidr], SqlType.Text));
        f.Add(Fn("inet_same_family", [SqlType.Inet, SqlType.Inet], SqlType.Bool));
        f.Add(Fn("inet_merge", [SqlType.Inet, SqlType.Inet], SqlType.Cidr));
    }
}
