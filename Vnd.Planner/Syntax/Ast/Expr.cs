namespace Vnd.Planner.Syntax.Ast;

/// <summary>A value expression (PostgreSQL's a_expr).</summary>
public abstract record Expr : SqlNode;

/// <summary>Column reference a, t.a, s.t.a (names already folded or kept when quoted).</summary>
public sealed record ColumnRef(SqlList<string> Names) : Expr;

/// <summary><c>*</c> or <c>t.*</c> in a select list.</summary>
public sealed record StarExpr(SqlList<string> Qualifier) : Expr;

/// <summary>$n.</summary>
public sealed record ParameterRef(int Index) : Expr;

/// <summary>An integer literal that fits int8; the binder narrows to int4 when it fits.</summary>
public sealed record IntegerLiteral(long Value) : Expr;

/// <summary>Decimal, exponent or over-long integer literal, kept as written (type numeric until resolved).</summary>
public sealed record NumericLiteral(string Text) : Expr;

/// <summary>Any string literal form, unescaped; type unknown until context decides.</summary>
public sealed record StringLiteral(string Value) : Expr;

/// <summary>B'0101' or X'1F' as a bit string of 0/1 characters.</summary>
public sealed record BitStringLiteral(string Bits) : Expr;

public sealed record BooleanLiteral(bool Value) : Expr;

public sealed record NullLiteral : Expr;

/// <summary><c>typename 'string'</c>: timestamp '…', interval '1 hour', inet '…'.</summary>
public sealed record TypedLiteral(TypeName Type, string Value) : Expr;

/// <summary>CURRENT_TIMESTAMP, CURRENT_DATE, CURRENT_USER, SESSION_USER, CURRENT_SCHEMA, USER, …, named in lower case.</summary>
public sealed record SpecialValue(string Name) : Expr;

/// <summary>Prefix operator: -, +, ~, NOT (spelled "NOT").</summary>
public sealed record UnaryExpr(string Operator, Expr Operand) : Expr;

/// <summary>
/// Binary operator, including AND/OR (spelled "AND"/"OR"). <see cref="Schema"/> is set for the
/// <c>OPERATOR(schema.op)</c> form.
/// </summary>
public sealed record BinaryExpr(string Operator, Expr Left, Expr Right, string? Schema = null) : Expr;

/// <summary><c>left op ANY|SOME|ALL (array or subquery)</c>.</summary>
public sealed record QuantifiedExpr(string Operator, Quantifier Quantifier, Expr Left, Expr Right) : Expr;

/// <summary>ANY/SOME/ALL operand before it is attached to its comparison; only valid on an operator's right side.</summary>
public sealed record QuantifiedOperand(Quantifier Quantifier, Expr Operand) : Expr;

public enum Quantifier
{
    Any,
    All,
}
