using Vnd.Planner.Syntax.Ast;
using Vnd.Planner.Types;

namespace Vnd.Planner.Logical;

/// <summary>x IS [NOT] NULL | TRUE | FALSE | UNKNOWN: never NULL itself.</summary>
public sealed record BoundIs(BoundExpr Operand, IsTest Test, bool Negated) : BoundExpr
{
    public override SqlType Type => SqlType.Bool;
}
