using Vnd.Planner.Logical;
using Vnd.Planner.Syntax.Ast;
using Vnd.Planner.Types;

namespace Vnd.Planner.Catalog;

/// <summary>
/// One overload of a function. A parameter typed <see cref="SqlType.Unknown"/> is polymorphic (PostgreSQL's
/// anyelement): all such arguments must share one type. <see cref="Variadic"/> repeats the last parameter.
/// <see cref="Id"/> is the stable name the executor dispatches on, e.g. <c>sum(int4)</c>.
/// </summary>
/// <remarks>
/// A catalog may supply <see cref="Expand"/>: the binder then replaces the call by the expression it returns for the
/// (already coerced) arguments, so the executor never sees the function. Catalogs use it for values fixed for a
/// statement (current_database(), current_setting('x')) and for look-ups over their own small, finite object sets
/// (pg_get_userbyid(relowner) as a CASE over the roles), which a static executor kernel could not know.
/// </remarks>
public sealed record FunctionSignature(
    string Name,
    FunctionKind Kind,
    SqlList<SqlType> Parameters,
    SqlType ReturnType,
    ReturnTypeRule Rule = ReturnTypeRule.Fixed,
    bool Variadic = false)
{
    /// <summary>Builds the call's value from its arguments at bind time; null for functions the executor runs.</summary>
    public Func<SqlList<BoundExpr>, BoundExpr>? Expand { get; init; }

    public string Id => Name + "(" + string.Join(",", Parameters.Select(TypeLabel)) + (Variadic ? ",..." : "") + ")";

    private static string TypeLabel(SqlType type) => type.Id == TypeId.Unknown ? "any" : type.Id.ToString().ToLowerInvariant();
}
