using Vnd.Planner.Errors;
using Vnd.Planner.Logical;
using Vnd.Planner.Syntax.Ast;
using Vnd.Planner.Types;

namespace Vnd.Planner.Binding;

/// <summary>
/// Row constructors in comparisons, expanded field by field as PostgreSQL defines them: <c>(a, b) = (c, d)</c> is
/// <c>a = c AND b = d</c>, <c>&lt;&gt;</c> an OR of the inequalities, and the orderings compare lexicographically
/// (<c>a &lt; c OR (a = c AND b &lt; d)</c>), which gives PostgreSQL's NULL results too. <c>(a, b) IN ((…), (…))</c> is
/// the OR of the row equalities; IS [NOT] DISTINCT FROM folds field by field too, and IS [NOT] NULL tests every field.
/// A row IN (subquery) is ExprBinder.RowSubquery's; count([DISTINCT] (a, b)) counts the row's record key; a row
/// anywhere else is not supported (0A000).
/// </summary>
internal sealed partial class ExprBinder
{
    private static bool IsRowComparison(BinaryExpr b) =>
        (b.Left is RowExpr || b.Right is RowExpr) && b.Operator is "=" or "<>" or "!=" or "<" or "<=" or ">" or ">=";

    /// <summary>The executor's name for a row's record key (equal bytes exactly for equal rows), internal.</summary>
    public const string RecordKeyFunction = "record_key";

    /// <summary>
    /// The argument of count([DISTINCT] (a, b)): the row as one bytea that is equal for rows PostgreSQL's record
    /// equality finds equal, NULL fields included, and never NULL itself (a row value is a non-NULL datum, so
    /// count((a, b)) counts every row). Fields of types whose equality is not their canonical bytes (json) are 0A000.
    /// </summary>
    private BoundExpr BindRecordKey(RowExpr row, bool distinct)
    {
        var fields = SqlList.From(row.Fields.Select((field, k) =>
        {
            var raw = Bind(field);
            // count(DISTINCT row): PostgreSQL sorts the rows and has no comparison for an untyped field ('x', NULL):
            // 42883 as soon as two rows tie on the fields before it, which in a table is the usual case. The error
            // is raised here, at bind time, also for the rare inputs where no tie happens (stricter, never wrong).
            if (distinct && TypeRules.IsUnknown(raw.Type))
            {
                throw BinderErrors.Error(SqlState.UndefinedFunction, "could not identify a comparison function for type unknown", field);
            }
            var bound = Settle(raw, field);
            return bound.Type.Id is TypeId.Json or TypeId.Jsonb or TypeId.Array or TypeId.Unknown
                ? throw BinderErrors.Unsupported($"a row field of type {bound.Type.PgName} in count", field)
                : bound;
        }));
        var types = string.Join(",", fields.Select(f => f.Type.PgName));
        return new BoundCall($"{RecordKeyFunction}({types})", RecordKeyFunction, CallKind.Function, fields, SqlType.Bytea);
    }

    private BoundExpr BindRowComparison(BinaryExpr b)
    {
        var (left, right) = RowFields(b.Left, b.Right, b.Operator, b);
        var op = b.Operator == "!=" ? "<>" : b.Operator;
        return op switch
        {
            "=" => Fold("AND", left, right, "=", b),
            "<>" => Fold("OR", left, right, "<>", b),
            _ => Lexicographic(left, right, op, b),
        };
    }

    /// <summary>
    /// <c>row IS NULL</c> holds when every field is NULL and <c>row IS NOT NULL</c> when none is (so a row with
    /// some NULL fields is neither), as the SQL standard and PostgreSQL define them.
    /// </summary>
    private BoundExpr BindRowIsNull(RowExpr row, bool negated, SqlNode node)
    {
        BoundExpr? all = null;
        foreach (var field in row.Fields)
        {
            var test = new BoundIs(Bind(field), IsTest.Null, negated);
            all = all is null ? test : TypeOperator("AND", all, test, node);
        }
        return all!;
    }

    private BoundExpr BindRowInList(InListExpr i)
    {
        var operand = (RowExpr)i.Operand;
        BoundExpr? any = null;
        foreach (var item in i.Items)
        {
            var (left, right) = RowFields(operand, item, "=", i);
            var equal = Fold("AND", left, right, "=", i);
            any = any is null ? equal : TypeOperator("OR", any, equal, i);
        }
        return i.Negated ? BoundCall.Operator("NOT", SqlType.Bool, any!) : any!;
    }

    private (List<BoundExpr> Left, List<BoundExpr> Right) RowFields(Expr left, Expr right, string op, SqlNode node)
    {
        if (left is not RowExpr l || right is not RowExpr r)
        {
            var leftType = left is RowExpr ? "record" : Bind(left).Type.PgName;
            var rightType = right is RowExpr ? "record" : Bind(right).Type.PgName;
            throw BinderErrors.Error(SqlState.UndefinedFunction, $"operator does not exist: {leftType} {op} {rightType}", node);
        }
        if (l.Fields.Count != r.Fields.Count)
        {
            throw BinderErrors.Error(SqlState.SyntaxError, "unequal number of entries in row expressions", node);
        }
        return (l.Fields.Select(Bind).ToList(), r.Fields.Select(Bind).ToList());
    }

    /// <summary>f(l0, r0) joiner f(l1, r1) joiner …</summary>
    private BoundExpr Fold(string joiner, List<BoundExpr> left, List<BoundExpr> right, string op, SqlNode node)
    {
        var result = TypeOperator(op, left[0], right[0], node);
        for (var f = 1; f < left.Count; f++)
        {
            result = TypeOperator(joiner, result, TypeOperator(op, left[f], right[f], node), node);
        }
        return result;
    }

    /// <summary>l0 &lt; r0 OR (l0 = r0 AND (l1 &lt; r1 OR (… AND ln op rn))): the last field takes the operator itself
    /// (so &lt;= holds for equal rows), the earlier ones its strict form.</summary>
    private BoundExpr Lexicographic(List<BoundExpr> left, List<BoundExpr> right, string op, SqlNode node)
    {
        var strict = op[..1];
        var last = left.Count - 1;
        var result = TypeOperator(op, left[last], right[last], node);
        for (var f = last - 1; f >= 0; f--)
        {
            var tie = TypeOperator("AND", TypeOperator("=", left[f], right[f], node), result, node);
            result = TypeOperator("OR", TypeOperator(strict, left[f], right[f], node), tie, node);
        }
        return result;
    }
}
