using Vnd.Planner.Syntax.Ast;
using Vnd.Planner.Types;

namespace Vnd.Planner.Catalog;

/// <summary>
/// One overload of a function. A parameter typed <see cref="SqlType.Unknown"/> is polymorphic (PostgreSQL's
/// anyelement): all such arguments must share one type. <see cref="Variadic"/> repeats the last parameter.
/// <see cref="Id"/> is the stable name the executor dispatches on, e.g. <c>sum(int4)</c>.
/// </summary>
public sealed record FunctionSignature(
    string Name,
    FunctionKind Kind,
    SqlList<SqlType> Parameters,
    SqlType ReturnType,
    ReturnTypeRule Rule = ReturnTypeRule.Fixed,
    bool Variadic = false)
{
    public string Id => Name + "(" + string.Join(",", Parameters.Select(TypeLabel)) + (Variadic ? ",..." : "") + ")";

    private static string TypeLabel(SqlType type) => type.Id == TypeId.Unknown ? "any" : type.Id.ToString().ToLowerInvariant();
}
