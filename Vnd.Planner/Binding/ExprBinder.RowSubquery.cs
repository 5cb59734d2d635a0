using Vnd.Planner.Errors;
using Vnd.Planner.Logical;
using Vnd.Planner.Syntax.Ast;

namespace Vnd.Planner.Binding;

/// <summary>
/// <c>(a, b) [NOT] IN (SELECT x, y …)</c>, rewritten into EXISTS over the subquery as a derived table whose columns
/// the operand's fields are compared with (the comparisons are correlated references, which decorrelation turns
/// into semi and anti joins). PostgreSQL's answer is three-valued: TRUE when some row equals the operand field by
/// field, NULL when none does but some row might (every field equal or NULL on either side), FALSE otherwise.
/// As a conjunct of a predicate (WHERE, ON, HAVING, FILTER) NULL filters like FALSE, so IN is EXISTS(all equal) and
/// NOT IN is NOT EXISTS(might match) — both of which become joins; anywhere else the full three-valued CASE is bound.
/// </summary>
internal sealed partial class ExprBinder
{
    private const string RowInAlias = "?row in?";

    /// <summary>Replaces row IN (subquery) conjuncts of a predicate by their EXISTS forms.</summary>
    private Expr RewriteRowInConjuncts(Expr predicate) => predicate switch
    {
        BinaryExpr { Operator: "AND" } and => and with { Left = RewriteRowInConjuncts(and.Left), Right = RewriteRowInConjuncts(and.Right) },
        InSubqueryExpr { Operand: RowExpr row } i when CheckArity(row, i.Subquery, i) => i.Negated
            ? new UnaryExpr("NOT", RowExists(row, i.Subquery, mightMatch: true, i)) { Position = i.Position }
            : RowExists(row, i.Subquery, mightMatch: false, i),
        _ => predicate,
    };

    /// <summary>42601 unless the subquery has as many columns as the row has fields (true otherwise).</summary>
    private bool CheckArity(RowExpr row, Query query, SqlNode node)
    {
        var arity = _queries.BindSubquery(query, SubqueryScope, Ctes).Output.Count;
        return arity == row.Fields.Count
            ? true
            : throw BinderErrors.Error(SqlState.SyntaxError, arity > row.Fields.Count ? "subquery has too many columns" : "subquery has too few columns", node);
    }

    /// <summary>row [NOT] IN (subquery) as a value: the three-valued CASE over two EXISTS.</summary>
    private BoundExpr BindRowInSubquery(RowExpr row, Query query, bool negated, SqlNode node)
    {
        CheckArity(row, query, node);
        Expr value = new CaseExpr(null,
            SqlList.Create<WhenClause>([
                new WhenClause(RowExists(row, query, mightMatch: false, node), new BooleanLiteral(true)),
                new WhenClause(RowExists(row, query, mightMatch: true, node), new NullLiteral()),
            ]),
            new BooleanLiteral(false)) { Position = node.Position };
        return Bind(negated ? new UnaryExpr("NOT", value) { Position = node.Position } : value);
    }

    /// <summary>
    /// EXISTS (SELECT 1 FROM (subquery) AS "?row in?"(f1, …) WHERE …): every field equal, or with
    /// <paramref name="mightMatch"/> every field equal or NULL on either side.
    /// </summary>
    private static ExistsExpr RowExists(RowExpr row, Query query, bool mightMatch, SqlNode node)
    {
        Expr? condition = null;
        var names = new List<string>(row.Fields.Count);
        for (var f = 0; f < row.Fields.Count; f++)
        {
            var name = $"?row in {f + 1}?";
            names.Add(name);
            var column = new ColumnRef(SqlList.Create<string>([RowInAlias, name])) { Position = node.Position };
            var field = row.Fields[f];
            Expr test = new BinaryExpr("=", column, field) { Position = field.Position };
            if (mightMatch)
            {
                test = new BinaryExpr("OR", test, new BinaryExpr("OR", new IsExpr(column, IsTest.Null, false), new IsExpr(field, IsTest.Null, false)));
            }
            condition = condition is null ? test : new BinaryExpr("AND", condition, test);
        }
        var derived = new DerivedTable(query, new TableAlias(RowInAlias, SqlList.From(names)), Lateral: false);
        var select = new SelectCore(DistinctKind.All, SqlList<Expr>.Empty, SqlList.Create<SelectItem>([new SelectItem(new IntegerLiteral(1), null)]),
            SqlList.Create<TableRef>([derived]), condition, SqlList<Expr>.Empty, null, SqlList<WindowDefinition>.Empty);
        return new ExistsExpr(new Query(null, select, SqlList<OrderItem>.Empty, null, null)) { Position = node.Position };
    }
}
