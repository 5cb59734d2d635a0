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
