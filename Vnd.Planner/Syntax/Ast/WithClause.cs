namespace Vnd.Planner.Syntax.Ast;

public sealed record WithClause(bool Recursive, SqlList<CommonTableExpression> Tables) : SqlNode;
