using Pidgin;
using Pidgin.Expression;
using Vnd.Planner.Syntax.Ast;
using Vnd.Planner.Syntax.Lexing;
using static Pidgin.Parser;
using static Vnd.Planner.Syntax.Parsing.Tok;

namespace Vnd.Planner.Syntax.Parsing;

/// <summary>
/// Operator precedence of PostgreSQL ("Operator Precedence" table, highest first):
/// <c>. :: [ ]</c> › unary <c>+ -</c> › <c>COLLATE</c>, <c>AT TIME ZONE</c> › <c>^</c> › <c>* / %</c> › <c>+ -</c> ›
/// other operators › <c>BETWEEN IN LIKE ILIKE SIMILAR</c> › comparisons › <c>IS ISNULL NOTNULL</c> › <c>NOT</c> ›
/// <c>AND</c> › <c>OR</c>. Each level is its own ExpressionParser so the restricted levels PostgreSQL's b_expr
/// needs (BETWEEN bounds, POSITION arguments) are available by name.
/// </summary>
internal static class ExpressionGrammar
{
    // Forward reference: Expr is assigned further down; Rec defers the read until parse time.
    private static readonly Parser<Token, Expr> ExprRef = Rec(() => Expr!);

    /// <summary>The (schema.op) part of OPERATOR(pg_catalog.~).</summary>
    public static readonly Parser<Token, (string? Schema, string Symbol)> QualifiedOperator = Parens(Map(
        (schema, op) => (schema.HasValue ? schema.Value : null, op.Text),
        ColId.Before(Dot).Optional(), AnyOperator));

    /// <summary>Term with its :: casts, subscripts and field selections.</summary>
    public static readonly Parser<Token, Expr> Primary = ExpressionParser.Build(
        new StackGuard<Expr>(Rec(() => TermGrammar.Term)),
        [Operator.PostfixChainable(SuffixGrammar.Cast, SuffixGrammar.Subscript, SuffixGrammar.FieldSelection)]);

    private static readonly Parser<Token, Expr> Unary = ExpressionParser.Build(Primary,
    [
        Operator.PrefixChainable(Op("-").Or(Op("+")).Select<Func<Expr, Expr>>(t => operand => Negate(t, operand))),
        Operator.PostfixChainable(SuffixGrammar.Collate, SuffixGrammar.AtTimeZone),
    ]);

    /// <summary>Everything above BETWEEN/IN/LIKE: PostgreSQL's b_expr minus its comparison part.</summary>
    public static readonly Parser<Token, Expr> OtherOperators = ExpressionParser.Build(Unary,
    [
        Operator.InfixL(Binary(Op("^"))),
        Operator.InfixL(Binary(Op("*"))).And(Operator.InfixL(Binary(Op("/")))).And(Operator.InfixL(Binary(Op("%")))),
        Operator.InfixL(Binary(Op("+"))).And(Operator.InfixL(Binary(Op("-")))),
        Operator.InfixL(OtherBinary()).And(Operator.Prefix(OtherPrefix())),
    ]);

    /// <summary>Up to and including comparisons (the operand of IS DISTINCT FROM).</summary>
    public static readonly Parser<Token, Expr> Comparison = ExpressionParser.Build(OtherOperators,
    [
        Operator.Postfix(PredicateGrammar.Predicate),
        Operator.InfixN(Binary(Match(t => t.Kind == TokenKind.Operator && IsComparison(t.Text)))),
    ]);

    public static readonly Parser<Token, Expr> Expr = ExpressionParser.Build(Comparison,
    [
        Operator.Postfix(PredicateGrammar.Is),
        Operator.PrefixChainable(Kw("not").Select<Func<Expr, Expr>>(t => operand => new UnaryExpr("NOT", operand) { Position = t.Position })),
        Operator.InfixL(Binary(Kw("and"), "AND")),
        Operator.InfixL(Binary(Kw("or"), "OR")),
    ]).Labelled("expression");

    private static bool IsComparison(string op) => op is "<" or ">" or "=" or "<=" or ">=" or "<>";

    private static bool IsArithmetic(string op) => op is "+" or "-" or "*" or "/" or "%" or "^";

    private static Parser<Token, Func<Expr, Expr, Expr>> Binary(Parser<Token, Token> op, string? name = null) =>
        op.Select<Func<Expr, Expr, Expr>>(t => (left, right) => MakeBinary(name ?? t.Text, null, left, right, t.Position));

    /// <summary>Any other operator token (||, ~, !~, &lt;&lt;, &amp;&amp;, …) or OPERATOR(schema.op).</summary>
    private static Parser<Token, Func<Expr, Expr, Expr>> OtherBinary() => OneOf(
        Match(t => t.Kind == TokenKind.Operator && !IsComparison(t.Text) && !IsArithmetic(t.Text))
            .Select<Func<Expr, Expr, Expr>>(t => (left, right) => MakeBinary(t.Text, null, left, right, t.Position)),
        Map((kw, op) => (Func<Expr, Expr, Expr>)((left, right) => MakeBinary(op.Symbol, op.Schema, left, right, kw.Position)),
            Kw("operator"), QualifiedOperator));

    /// <summary>Prefix forms of other operators: ~ (bitwise not), @ (abs), |/ (sqrt), ||/ (cbrt).</summary>
    private static Parser<Token, Func<Expr, Expr>> OtherPrefix() =>
        Match(t => t.Kind == TokenKind.Operator && t.Text is "~" or "@" or "|/" or "||/")
            .Select<Func<Expr, Expr>>(t => operand => new UnaryExpr(t.Text, operand) { Position = t.Position });

    /// <summary>Builds a binary node, turning <c>x op ANY(…)</c> into a quantified comparison.</summary>
    private static Expr MakeBinary(string op, string? schema, Expr left, Expr right, int position) => right switch
    {
        QuantifiedOperand q => new QuantifiedExpr(op, q.Quantifier, left, q.Operand) { Position = position },
        // x = ANY(a)::int: in gram.y the cast can only follow the whole quantified comparison, (x = ANY(a))::int.
        CastExpr { Operand: QuantifiedOperand or CastExpr } c when QuantifiedUnder(c) =>
            c with { Operand = MakeBinary(op, schema, left, c.Operand, position) },
        _ => new BinaryExpr(op, left, right, schema) { Position = position },
    };

    private static bool QuantifiedUnder(CastExpr cast) => cast.Operand switch
    {
        QuantifiedOperand => true,
        CastExpr inner => QuantifiedUnder(inner),
        _ => false,
    };

    /// <summary>Folds a minus sign into a numeric literal as gram.y's doNegate does, so -9223372036854775808 is int8.</summary>
    private static Expr Negate(Token sign, Expr operand)
    {
        if (sign.Text == "+")
        {
            return new UnaryExpr("+", operand) { Position = sign.Position };
        }

        return operand switch
        {
            IntegerLiteral i when i.Value != long.MinValue => new IntegerLiteral(-i.Value) { Position = sign.Position },
            NumericLiteral { Text: "9223372036854775808" } => new IntegerLiteral(long.MinValue) { Position = sign.Position },
            NumericLiteral n when !n.Text.StartsWith('-') => new NumericLiteral("-" + n.Text) { Position = sign.Position },
            _ => new UnaryExpr("-", operand) { Position = sign.Position },
        };
    }
}
