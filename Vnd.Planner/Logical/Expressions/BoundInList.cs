using Vnd.Planner.Syntax.Ast;
using Vnd.Planner.Types;

namespace Vnd.Planner.Logical;

/// <summary>x [NOT] IN (a, b, …); items are cast to the operand's common type.</summary>
public sealed record BoundInList(BoundExpr Operand, SqlList<BoundExpr> Items, bool Negated) : BoundExpr
{
    public override SqlType Type => SqlType.Bool;
}
