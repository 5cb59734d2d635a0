namespace Vnd.Planner.Syntax.Ast;

public sealed record WhenClause(Expr Condition, Expr Result) : SqlNode;
