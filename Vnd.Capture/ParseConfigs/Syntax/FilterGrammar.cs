using Pidgin;
using Pidgin.Expression;
using static Pidgin.Parser;
using static Pidgin.Parser<char>;
using static Vnd.Capture.ParseConfigs.Syntax.ConfigLexemes;

namespace Vnd.Capture.ParseConfigs.Syntax;

/// <summary>
/// Filter expressions (Fig. 7a) and field names. Precedence not &gt; and &gt; or; and/or
/// associate to the left; <c>not</c> may repeat.
/// </summary>
public static class FilterGrammar
{
    // Words that start or continue a clause or an expression can never be field names; without this
    // an empty "Filter" would swallow the "Fields" keyword as a field.
    private static readonly HashSet<string> ReservedWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "and", "or", "not", "in", "as", "all", "trace", "table", "filter", "fields",
    };

    private static readonly Parser<char, string> FieldName =
        Try(Word.SeparatedAtLeastOnce(Char('.')).Select(segments => string.Join('.', segments).ToLowerInvariant())
            .Assert(name => !ReservedWords.Contains(name)));

    /// <summary>A field name such as <c>ip.src</c>, lower-cased and positioned.</summary>
    public static readonly Parser<char, FieldReference> Field =
        Tok(Map((position, name) => new FieldReference(name) { Position = position }, Position, FieldName))
            .Labelled("field name");

    private static readonly Parser<char, ComparisonOperator> SetOperator = OneOf(
        Symbol('∈').ThenReturn(ComparisonOperator.In),
        Keyword("in").ThenReturn(ComparisonOperator.In),
        Phrase("not", "in").ThenReturn(ComparisonOperator.NotIn),
        Tok(Char('=').Then(Char('=').Optional())).ThenReturn(ComparisonOperator.In),
        Tok(String("!=")).ThenReturn(ComparisonOperator.NotIn),
        Symbol('∉').ThenReturn(ComparisonOperator.NotIn),
        Symbol('≠').ThenReturn(ComparisonOperator.NotIn));

    private static readonly Parser<char, ComparisonOperator> OrderOperator = OneOf(
        Tok(Char('<').Then(Char('=').Optional()))
            .Select(eq => eq.HasValue ? ComparisonOperator.LessOrEqual : ComparisonOperator.Less),
        Tok(Char('>').Then(Char('=').Optional()))
            .Select(eq => eq.HasValue ? ComparisonOperator.GreaterOrEqual : ComparisonOperator.Greater));

    // Set operators take a value set; ordering operators a single value ("port < {1, 2}" means nothing).
    private static readonly Parser<char, (ComparisonOperator, ValueList<FilterValue>)> Comparison = OneOf(
        SetOperator.Then(ValueGrammar.Set, (op, values) => (op, values)),
        OrderOperator.Then(ValueGrammar.Single.Labelled("single value (<, <=, >, >= take no value set)"), (op, values) => (op, values)));

    private static readonly Parser<char, FilterExpr> Primitive =
        Map(
            (field, comparison) => comparison.HasValue
                ? new PredicateExpr(field, comparison.Value.Item1, comparison.Value.Item2) { Position = field.Position }
                : (FilterExpr)new FieldPresentExpr(field) { Position = field.Position },
            Field,
            Comparison.Optional());

    private static readonly Parser<char, Func<FilterExpr, FilterExpr>> Not =
        Map((position, _) => (Func<FilterExpr, FilterExpr>)(operand => new NotExpr(operand) { Position = position }), Position, Keyword("not"));

    private static readonly Parser<char, Func<FilterExpr, FilterExpr, FilterExpr>> And =
        Keyword("and").ThenReturn<Func<FilterExpr, FilterExpr, FilterExpr>>((l, r) => new AndExpr(l, r) { Position = l.Position });

    private static readonly Parser<char, Func<FilterExpr, FilterExpr, FilterExpr>> Or =
        Keyword("or").ThenReturn<Func<FilterExpr, FilterExpr, FilterExpr>>((l, r) => new OrExpr(l, r) { Position = l.Position });

    /// <summary>A whole filter expression.</summary>
    public static readonly Parser<char, FilterExpr> Expression = ExpressionParser.Build<char, FilterExpr>(
        expression => (
            OneOf(expression.Between(Symbol('('), Symbol(')').Labelled("')'")), Primitive),
            [
                Operator.PrefixChainable(Not),
                Operator.InfixL(And),
                Operator.InfixL(Or),
            ]));
}
