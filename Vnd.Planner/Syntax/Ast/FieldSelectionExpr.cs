namespace Vnd.Planner.Syntax.Ast;

/// <summary>(composite).field or (composite).*.</summary>
public sealed record FieldSelectionExpr(Expr Operand, string Field) : Expr;
