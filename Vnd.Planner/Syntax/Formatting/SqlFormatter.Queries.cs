using System.Text;
using Vnd.Planner.Syntax.Ast;

namespace Vnd.Planner.Syntax.Formatting;

public static partial class SqlFormatter
{
    private static void WriteQuery(StringBuilder sql, Query query)
    {
        if (query.With is not null)
        {
            sql.Append(query.With.Recursive ? "WITH RECURSIVE " : "WITH ");
            WriteList(sql, query.With.Tables, WriteCte);
            sql.Append(' ');
        }

        WriteBody(sql, query.Body);
        if (query.OrderBy.Count > 0)
        {
            sql.Append(" ORDER BY ");
            WriteList(sql, query.OrderBy, WriteOrderItem);
        }

        if (query.Limit is not null && !query.WithTies)
        {
            sql.Append(" LIMIT ");
            WriteExpr(sql, query.Limit);
        }

        if (query.Offset is not null)
        {
            sql.Append(" OFFSET ");
            WriteExpr(sql, query.Offset);
        }

        if (query.Limit is not null && query.WithTies)
        {
            sql.Append(" FETCH FIRST (");
            WriteExpr(sql, query.Limit);
            sql.Append(") ROWS WITH TIES");
        }

        if (query.Locking is not null)
        {
            sql.Append(' ').Append(query.Locking);
        }
    }

    private static void WriteCte(StringBuilder sql, CommonTableExpression cte)
    {
        sql.Append(Identifier(cte.Name));
        WriteColumnList(sql, cte.Columns);
        sql.Append(" AS (");
        WriteQuery(sql, cte.Query);
        sql.Append(')');
    }

    private static void WriteColumnList(StringBuilder sql, SqlList<string> columns)
    {
        if (columns.Count > 0)
        {
            sql.Append(" (");
            WriteList(sql, columns, (s, c) => s.Append(Identifier(c)));
            sql.Append(')');
        }
    }

    private static void WriteBody(StringBuilder sql, QueryBody body)
    {
        switch (body)
        {
            case Query q: WriteQuery(sql, q); break;
            case SelectCore s: WriteSelect(sql, s); break;
            case ValuesBody v:
                sql.Append("VALUES ");
                WriteList(sql, v.Rows, (s, row) =>
                {
                    s.Append('(');
                    WriteList(s, row, WriteExpr);
                    s.Append(')');
                });
                break;
            case SetOperation op:
                WriteOperand(sql, op.Left, NeedsParentheses(op.Left, op, isRight: false));
                sql.Append(' ').Append(op.Operator.ToString().ToUpperInvariant()).Append(op.All ? " ALL " : " ");
                WriteOperand(sql, op.Right, NeedsParentheses(op.Right, op, isRight: true));
                break;
            default: sql.Append(body.GetType().Name); break;
        }
    }

    /// <summary>
    /// Set operations are left-associative and INTERSECT binds tighter, so only a right operand that is itself a
    /// set operation, a looser left operand, or a query with its own ORDER BY/LIMIT needs parentheses. Keeping a
    /// leading "(" rare matters: "((" in FROM or expression position is ambiguous to read back.
    /// </summary>
    private static bool NeedsParentheses(QueryBody operand, SetOperation parent, bool isRight) => operand switch
    {
        Query => true,
        SetOperation child => isRight || (child.Operator != SetOperator.Intersect && parent.Operator == SetOperator.Intersect),
        _ => false,
    };

    private static void WriteOperand(StringBuilder sql, QueryBody operand, bool parenthesise)
    {
        sql.Append(parenthesise ? "(" : string.Empty);
        WriteBody(sql, operand);
        sql.Append(parenthesise ? ")" : string.Empty);
    }

    private static void WriteSelect(StringBuilder sql, SelectCore s)
    {
        sql.Append("SELECT ");
        if (s.Distinct == DistinctKind.Distinct)
        {
            sql.Append("DISTINCT ");
        }
        else if (s.Distinct == DistinctKind.DistinctOn)
        {
            sql.Append("DISTINCT ON (");
            WriteList(sql, s.DistinctOn, WriteExpr);
            sql.Append(") ");
        }

        WriteList(sql, s.Items, WriteSelectItem);
        if (s.From.Count > 0)
        {
            sql.Append(" FROM ");
            WriteList(sql, s.From, WriteTable);
        }

        WriteClause(sql, " WHERE ", s.Where);
        if (s.GroupBy.Count > 0)
        {
            sql.Append(" GROUP BY ");
            WriteList(sql, s.GroupBy, WriteExpr);
        }

        WriteClause(sql, " HAVING ", s.Having);
        if (s.Windows.Count > 0)
        {
            sql.Append(" WINDOW ");
            WriteList(sql, s.Windows, (b, w) =>
            {
                b.Append(Identifier(w.Name)).Append(" AS ");
                WriteWindow(b, w.Spec);
            });
        }
    }

    private static void WriteClause(StringBuilder sql, string keyword, Expr? expr)
    {
        if (expr is not null)
        {
            sql.Append(keyword);
            WriteExpr(sql, expr);
        }
    }

    private static void WriteSelectItem(StringBuilder sql, SelectItem item)
    {
        WriteExpr(sql, item.Expr);
        if (item.Alias is not null)
        {
            sql.Append(" AS ").Append(Identifier(item.Alias));
        }
    }

    private static void WriteOrderItem(StringBuilder sql, OrderItem item)
    {
        WriteExpr(sql, item.Expr);
        sql.Append(item.Direction switch
        {
            SortDirection.Ascending => " ASC",
            SortDirection.Descending => " DESC",
            _ => item.UsingOperator is null ? string.Empty : " USING " + item.UsingOperator,
        });
        sql.Append(item.Nulls switch
        {
            NullsOrder.First => " NULLS FIRST",
            NullsOrder.Last => " NULLS LAST",
            _ => string.Empty,
        });
    }

    private static void WriteWindow(StringBuilder sql, WindowSpec spec)
    {
        if (spec.ReferenceName is not null && spec.PartitionBy.Count == 0 && spec.OrderBy.Count == 0 && spec.Frame is null)
        {
            sql.Append(Identifier(spec.ReferenceName));
            return;
        }

        var parts = new List<string>();
        if (spec.ReferenceName is not null)
        {
            parts.Add(Identifier(spec.ReferenceName));
        }

        if (spec.PartitionBy.Count > 0)
        {
            parts.Add("PARTITION BY " + string.Join(", ", spec.PartitionBy.Select(Format)));
        }

        if (spec.OrderBy.Count > 0)
        {
            parts.Add("ORDER BY " + string.Join(", ", spec.OrderBy.Select(Format)));
        }

        if (spec.Frame is not null)
        {
            var unit = spec.Frame.Unit.ToString().ToUpperInvariant();
            parts.Add(spec.Frame.End is null
                ? unit + " " + FrameBound(spec.Frame.Start)
                : unit + " BETWEEN " + FrameBound(spec.Frame.Start) + " AND " + FrameBound(spec.Frame.End));
        }

        sql.Append('(').Append(string.Join(' ', parts)).Append(')');
    }

    private static string FrameBound(FrameBound bound) => bound.Kind switch
    {
        FrameBoundKind.UnboundedPreceding => "UNBOUNDED PRECEDING",
        FrameBoundKind.UnboundedFollowing => "UNBOUNDED FOLLOWING",
        FrameBoundKind.CurrentRow => "CURRENT ROW",
        FrameBoundKind.Preceding => Format(bound.Offset!) + " PRECEDING",
        _ => Format(bound.Offset!) + " FOLLOWING",
    };

    private static void WriteTable(StringBuilder sql, TableRef table)
    {
        switch (table)
        {
            case NamedTable n: WriteName(sql, n.Name); WriteAlias(sql, n.Alias); break;
            case DerivedTable d:
                sql.Append(d.Lateral ? "LATERAL (" : "(");
                WriteQuery(sql, d.Query);
                sql.Append(')');
                WriteAlias(sql, d.Alias);
                break;
            case FunctionTable f: WriteFunctionTable(sql, f); break;
            case JoinTable j: WriteJoin(sql, j); break;
            default: sql.Append(table.GetType().Name); break;
        }
    }

    private static void WriteFunctionTable(StringBuilder sql, FunctionTable f)
    {
        sql.Append(f.Lateral ? "LATERAL " : string.Empty);
        if (f.RowsFrom.Count > 0)
        {
            sql.Append("ROWS FROM (");
            for (var i = 0; i < f.RowsFrom.Count; i++)
            {
                sql.Append(i > 0 ? ", " : string.Empty);
                WriteCall(sql, f.RowsFrom[i]);
            }
            sql.Append(')');
        }
        else
        {
            WriteCall(sql, f.Function);
        }
        sql.Append(f.WithOrdinality ? " WITH ORDINALITY" : string.Empty);
        WriteAlias(sql, f.Alias);
    }

    private static void WriteAlias(StringBuilder sql, TableAlias? alias)
    {
        if (alias is not null)
        {
            sql.Append(" AS ").Append(Identifier(alias.Name));
            WriteColumnList(sql, alias.Columns);
        }
    }

    private static void WriteJoin(StringBuilder sql, JoinTable j)
    {
        sql.Append('(');
        WriteTable(sql, j.Left);
        sql.Append(j.Natural ? " NATURAL " : " ").Append(j.Kind.ToString().ToUpperInvariant()).Append(" JOIN ");
        WriteTable(sql, j.Right);
        if (j.On is not null)
        {
            sql.Append(" ON ");
            WriteExpr(sql, j.On);
        }
        else if (j.Using.Count > 0)
        {
            sql.Append(" USING");
            WriteColumnList(sql, j.Using);
        }

        sql.Append(')');
    }
}
