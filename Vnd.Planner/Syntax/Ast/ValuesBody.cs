namespace Vnd.Planner.Syntax.Ast;

public sealed record ValuesBody(SqlList<SqlList<Expr>> Rows) : QueryBody;
