namespace Vnd.Planner.Syntax.Ast;

public sealed record SetOperation(SetOperator Operator, bool All, QueryBody Left, QueryBody Right) : QueryBody;
