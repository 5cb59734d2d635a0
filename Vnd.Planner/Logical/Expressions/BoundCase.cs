using Vnd.Planner.Syntax.Ast;
using Vnd.Planner.Types;

namespace Vnd.Planner.Logical;

/// <summary>Searched CASE (a simple CASE is bound as operand = value conditions).</summary>
public sealed record BoundCase(SqlList<BoundWhen> Whens, BoundExpr? Else, SqlType ResultType) : BoundExpr
{
    public override SqlType Type => ResultType;
}
