using Vnd.Planner.Syntax.Ast;
using Vnd.Planner.Types;

namespace Vnd.Planner.Logical;

/// <summary>
/// A scalar function or operator resolved to <see cref="FunctionId"/> (e.g. <c>ceil(float8)</c>, <c>int8 + int8</c>).
/// Arguments already carry the implicit casts the resolution chose, so operands of an operator share one type
/// except where the operator itself mixes types (timestamptz + interval, inet &lt;&lt; cidr).
/// </summary>
public sealed record BoundCall(string FunctionId, string Name, CallKind Kind, SqlList<BoundExpr> Arguments, SqlType ResultType) : BoundExpr
{
    public override SqlType Type => ResultType;

    public static BoundCall Operator(string name, SqlType result, params BoundExpr[] arguments) =>
        new(OperatorId(name, arguments), name, CallKind.Operator, SqlList.Create<BoundExpr>(arguments), result);

    public static string OperatorId(string name, ReadOnlySpan<BoundExpr> arguments) => arguments.Length switch
    {
        1 => name + " " + Label(arguments[0].Type),
        2 => Label(arguments[0].Type) + " " + name + " " + Label(arguments[1].Type),
        _ => name,
    };

    private static string Label(SqlType type) => type.Id.ToString().ToLowerInvariant();
}
