using Vnd.Executor.Vectors;
using Vnd.Planner.Types;

namespace Vnd.Executor.Expressions;

/// <summary>num_nulls(…) and num_nonnulls(…): how many of any number of arguments of any types are (not) NULL. Not
/// NULL-propagating: every row gets a count.</summary>
internal static class NullCounting
{
    public static Expression? Resolve(string name, IReadOnlyList<Expression> a)
    {
        if (name is not ("num_nulls" or "num_nonnulls") || a.Count == 0)
            return null;
        var countNulls = name == "num_nulls";
        return new FunctionExpression(name, SqlType.Int4, [.. a], (args, r, rows) =>
        {
            r.ResetFlat();
            foreach (var i in rows)
            {
                var nulls = 0;
                foreach (var arg in args)
                {
                    if (arg.IsNull(i))
                        nulls++;
                }
                r.Set(i, countNulls ? nulls : args.Length - nulls);
            }
        });
    }
}
