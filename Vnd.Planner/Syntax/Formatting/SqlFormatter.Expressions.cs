using System.Text;
using Vnd.Planner.Syntax.Ast;

namespace Vnd.Planner.Syntax.Formatting;

public static partial class SqlFormatter
{
    /// <summary>A parenthesised list inside ROLLUP/CUBE/GROUPING SETS is one unit, not ROW(…).</summary>
    private static void WriteGroupingUnit(StringBuilder sql, Expr item)
    {
        if (item is not RowExpr row)
        {
            WriteExpr(sql, item);
            return;
        }
        sql.Append('(');
        WriteList(sql, row.Fields, WriteExpr);
        sql.Append(')');
    }

    private static void WriteExpr(StringBuilder sql, Expr expr)
    {
        switch (expr)
        {
            case ColumnRef c: WriteName(sql, c.Names); break;
            case StarExpr s: WriteName(sql, [.. s.Qualifier, "*"]); break;
            case ParameterRef p: sql.Append('$').Append(Invariant(p.Index)); break;
            case IntegerLiteral i: sql.Append(Invariant(i.Value)); break;
            case NumericLiteral n: sql.Append(n.Text); break;
            case StringLiteral s: sql.Append(Quote(s.Value)); break;
            case BitStringLiteral b: sql.Append("B'").Append(b.Bits).Append('\''); break;
            case BooleanLiteral b: sql.Append(b.Value ? "TRUE" : "FALSE"); break;
            case NullLiteral: sql.Append("NULL"); break;
            case TypedLiteral t: WriteType(sql, t.Type); sql.Append(' ').Append(Quote(t.Value)); break;
            case SpecialValue v: sql.Append(v.Name.ToUpperInvariant()); break;
            case UnaryExpr u: sql.Append('(').Append(u.Operator).Append(u.Operator == "NOT" ? " " : string.Empty); WriteExpr(sql, u.Operand); sql.Append(')'); break;
            case BinaryExpr b: WriteBinary(sql, b); break;
            case QuantifiedExpr q: WriteQuantified(sql, q); break;
            case QuantifiedOperand q: sql.Append(q.Quantifier == Quantifier.All ? "ALL(" : "ANY("); WriteUnwrapped(sql, q.Operand); sql.Append(')'); break;
            case IsExpr i: WriteIs(sql, i); break;
            case IsDistinctFromExpr d: Wrap(sql, d.Left, d.Negated ? " IS NOT DISTINCT FROM " : " IS DISTINCT FROM ", d.Right); break;
            case InListExpr i: WriteInList(sql, i); break;
            case InSubqueryExpr i: sql.Append('('); WriteExpr(sql, i.Operand); sql.Append(i.Negated ? " NOT IN (" : " IN ("); WriteQuery(sql, i.Subquery); sql.Append("))"); break;
            case BetweenExpr b: WriteBetween(sql, b); break;
            case LikeExpr l: WriteLike(sql, l); break;
            case ExistsExpr e: sql.Append("EXISTS ("); WriteQuery(sql, e.Subquery); sql.Append(')'); break;
            case SubqueryExpr s: sql.Append('('); WriteQuery(sql, s.Query); sql.Append(')'); break;
            case CastExpr c: WriteCast(sql, c); break;
            case SubscriptExpr s: WriteSubscript(sql, s); break;
            case FieldSelectionExpr f: sql.Append("(("); WriteExpr(sql, f.Operand); sql.Append(")."); sql.Append(f.Field == "*" ? "*" : Identifier(f.Field)).Append(')'); break;
            case NamedArgument n: sql.Append(Identifier(n.Name)).Append(" => "); WriteExpr(sql, n.Value); break;
            case CollateExpr c: sql.Append('('); WriteExpr(sql, c.Operand); sql.Append(" COLLATE "); WriteName(sql, c.Collation); sql.Append(')'); break;
            case AtTimeZoneExpr a: Wrap(sql, a.Operand, " AT TIME ZONE ", a.Zone); break;
            case CaseExpr c: WriteCase(sql, c); break;
            case ArrayExpr a: sql.Append("ARRAY["); WriteList(sql, a.Elements, WriteExpr); sql.Append(']'); break;
            case ArraySubqueryExpr a: sql.Append("ARRAY("); WriteQuery(sql, a.Subquery); sql.Append(')'); break;
            case RowExpr r: sql.Append("ROW("); WriteList(sql, r.Fields, WriteExpr); sql.Append(')'); break;
            case GroupingSet g:
                sql.Append(g.Kind switch { GroupingSetKind.Rollup => "ROLLUP", GroupingSetKind.Cube => "CUBE", GroupingSetKind.Sets => "GROUPING SETS", _ => "" });
                sql.Append('(');
                WriteList(sql, g.Items, WriteGroupingUnit);
                sql.Append(')');
                break;
            case FunctionCall f: WriteCall(sql, f); break;
            default: sql.Append(expr.GetType().Name); break;
        }
    }

    private static void Wrap(StringBuilder sql, Expr left, string op, Expr right)
    {
        sql.Append('(');
        WriteExpr(sql, left);
        sql.Append(op);
        WriteExpr(sql, right);
        sql.Append(')');
    }

    private static void WriteBinary(StringBuilder sql, BinaryExpr b)
    {
        var op = b.Schema is null ? b.Operator : "OPERATOR(" + Identifier(b.Schema) + "." + b.Operator + ")";
        Wrap(sql, b.Left, " " + op + " ", b.Right);
    }

    /// <summary>Writes a subquery without the parentheses its node would add (inside ANY(…), IN (…)).</summary>
    private static void WriteUnwrapped(StringBuilder sql, Expr expr)
    {
        if (expr is SubqueryExpr s)
        {
            WriteQuery(sql, s.Query);
        }
        else
        {
            WriteExpr(sql, expr);
        }
    }

    private static void WriteQuantified(StringBuilder sql, QuantifiedExpr q)
    {
        sql.Append('(');
        WriteExpr(sql, q.Left);
        sql.Append(' ').Append(q.Operator).Append(q.Quantifier == Quantifier.All ? " ALL(" : " ANY(");
        WriteUnwrapped(sql, q.Right);
        sql.Append("))");
    }

    private static void WriteIs(StringBuilder sql, IsExpr i)
    {
        sql.Append('(');
        WriteExpr(sql, i.Operand);
        sql.Append(i.Negated ? " IS NOT " : " IS ").Append(i.Test.ToString().ToUpperInvariant()).Append(')');
    }

    private static void WriteInList(StringBuilder sql, InListExpr i)
    {
        sql.Append('(');
        WriteExpr(sql, i.Operand);
        sql.Append(i.Negated ? " NOT IN (" : " IN (");
        WriteList(sql, i.Items, WriteExpr);
        sql.Append("))");
    }

    private static void WriteBetween(StringBuilder sql, BetweenExpr b)
    {
        sql.Append('(');
        WriteExpr(sql, b.Operand);
        sql.Append(b.Negated ? " NOT BETWEEN " : " BETWEEN ").Append(b.Symmetric ? "SYMMETRIC " : string.Empty);
        WriteExpr(sql, b.Low);
        sql.Append(" AND ");
        WriteExpr(sql, b.High);
        sql.Append(')');
    }

    private static void WriteLike(StringBuilder sql, LikeExpr l)
    {
        sql.Append('(');
        WriteExpr(sql, l.Operand);
        sql.Append(l.Negated ? " NOT " : " ").Append(l.Kind switch
        {
            LikeKind.Like => "LIKE ",
            LikeKind.ILike => "ILIKE ",
            _ => "SIMILAR TO ",
        });
        WriteExpr(sql, l.Pattern);
        if (l.Escape is not null)
        {
            sql.Append(" ESCAPE ");
            WriteExpr(sql, l.Escape);
        }

        sql.Append(')');
    }

    private static void WriteCast(StringBuilder sql, CastExpr c)
    {
        if (c.Syntax == CastSyntax.Cast)
        {
            sql.Append("CAST(");
            WriteExpr(sql, c.Operand);
            sql.Append(" AS ");
            WriteType(sql, c.Type);
            sql.Append(')');
            return;
        }

        sql.Append('(');
        WriteExpr(sql, c.Operand);
        sql.Append("::");
        WriteType(sql, c.Type);
        sql.Append(')');
    }

    private static void WriteSubscript(StringBuilder sql, SubscriptExpr s)
    {
        sql.Append('(');
        WriteExpr(sql, s.Operand);
        sql.Append('[');
        if (s.Lower is not null)
        {
            WriteExpr(sql, s.Lower);
        }

        if (s.IsSlice)
        {
            sql.Append(':');
            if (s.Upper is not null)
            {
                WriteExpr(sql, s.Upper);
            }
        }

        sql.Append("])");
    }

    private static void WriteCase(StringBuilder sql, CaseExpr c)
    {
        sql.Append("CASE");
        if (c.Operand is not null)
        {
            sql.Append(' ');
            WriteExpr(sql, c.Operand);
        }

        foreach (var when in c.Whens)
        {
            sql.Append(" WHEN ");
            WriteExpr(sql, when.Condition);
            sql.Append(" THEN ");
            WriteExpr(sql, when.Result);
        }

        if (c.Else is not null)
        {
            sql.Append(" ELSE ");
            WriteExpr(sql, c.Else);
        }

        sql.Append(" END");
    }

    private static void WriteCall(StringBuilder sql, FunctionCall f)
    {
        if (TryWriteStandardForm(sql, f))
        {
            return;
        }

        WriteName(sql, f.Name);
        sql.Append('(');
        if (f.Star)
        {
            sql.Append('*');
        }

        sql.Append(f.Distinct ? "DISTINCT " : string.Empty);
        WriteList(sql, f.Arguments, WriteExpr);
        if (f.OrderBy.Count > 0)
        {
            sql.Append(" ORDER BY ");
            WriteList(sql, f.OrderBy, WriteOrderItem);
        }

        sql.Append(')');
        if (f.WithinGroup.Count > 0)
        {
            sql.Append(" WITHIN GROUP (ORDER BY ");
            WriteList(sql, f.WithinGroup, WriteOrderItem);
            sql.Append(')');
        }

        if (f.Filter is not null)
        {
            sql.Append(" FILTER (WHERE ");
            WriteExpr(sql, f.Filter);
            sql.Append(')');
        }

        if (f.Over is not null)
        {
            sql.Append(" OVER ");
            WriteWindow(sql, f.Over);
        }
    }

    /// <summary>extract/position/overlay print in the keyword syntax they were desugared from, the only one PostgreSQL accepts.</summary>
    private static bool TryWriteStandardForm(StringBuilder sql, FunctionCall f)
    {
        if (f.Name.Count != 1 || f.Over is not null || f.Filter is not null || f.Distinct || f.OrderBy.Count > 0)
        {
            return false;
        }

        var args = f.Arguments;
        switch (f.Name[0])
        {
            case "extract" when args.Count == 2 && args[0] is StringLiteral field:
                sql.Append("EXTRACT(").Append(Identifier(field.Value)).Append(" FROM ");
                WriteExpr(sql, args[1]);
                sql.Append(')');
                return true;
            case "position" when args.Count == 2:
                sql.Append("POSITION(");
                WriteExpr(sql, args[1]);
                sql.Append(" IN ");
                WriteExpr(sql, args[0]);
                sql.Append(')');
                return true;
            case "overlay" when args.Count is 3 or 4:
                sql.Append("OVERLAY(");
                WriteExpr(sql, args[0]);
                sql.Append(" PLACING ");
                WriteExpr(sql, args[1]);
                sql.Append(" FROM ");
                WriteExpr(sql, args[2]);
                if (args.Count == 4)
                {
                    sql.Append(" FOR ");
                    WriteExpr(sql, args[3]);
                }

                sql.Append(')');
                return true;
            default:
                return false;
        }
    }
}
