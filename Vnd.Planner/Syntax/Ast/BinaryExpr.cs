namespace Vnd.Planner.Syntax.Ast;

/// <summary>
/// Binary operator, including AND/OR (spelled "AND"/"OR"). <see cref="Schema"/> is set for the
/// <c>OPERATOR(schema.op)</c> form.
/// </summary>
public sealed record BinaryExpr(string Operator, Expr Left, Expr Right, string? Schema = null) : Expr;
