namespace Vnd.Planner.Syntax.Ast;

public sealed record SelectCore(
    DistinctKind Distinct,
    SqlList<Expr> DistinctOn,
    SqlList<SelectItem> Items,
    SqlList<TableRef> From,
    Expr? Where,
    SqlList<Expr> GroupBy,
    Expr? Having,
    SqlList<WindowDefinition> Windows) : QueryBody;
