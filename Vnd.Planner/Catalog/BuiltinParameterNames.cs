using System.Collections.Frozen;
using Vnd.Planner.Syntax.Ast;

namespace Vnd.Planner.Catalog;

/// <summary>
/// Parameter names (pg_proc.proargnames) and defaults of the built-ins that PostgreSQL lets callers address in
/// named notation, <c>make_interval(days => 3)</c>. A null default marks a parameter the caller must supply;
/// trailing parameters without a default are separate overloads (make_timestamptz with or without its time zone).
/// </summary>
public static class BuiltinParameterNames
{
    public sealed record Parameters(IReadOnlyList<string> Names, IReadOnlyList<Expr?> Defaults, int Required);

    private static readonly Expr Zero = new IntegerLiteral(0);

    private static readonly FrozenDictionary<string, Parameters> ByFunction = new Dictionary<string, Parameters>
    {
        ["make_interval"] = new(["years", "months", "weeks", "days", "hours", "mins", "secs"],
            [Zero, Zero, Zero, Zero, Zero, Zero, new NumericLiteral("0.0")], 0),
        ["make_date"] = new(["year", "month", "day"], [null, null, null], 3),
        ["make_timestamp"] = new(["year", "month", "mday", "hour", "min", "sec"], [null, null, null, null, null, null], 6),
        ["make_timestamptz"] = new(["year", "month", "mday", "hour", "min", "sec", "timezone"], [null, null, null, null, null, null, null], 6),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static Parameters? Of(string function) => ByFunction.GetValueOrDefault(function);
}
