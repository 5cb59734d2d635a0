using System.Text;
using Vnd.Planner.Syntax.Ast;

namespace Vnd.Planner.Syntax.Formatting;

public static partial class SqlFormatter
{
    private static void WriteStatement(StringBuilder sql, Statement statement)
    {
        switch (statement)
        {
            case SelectStatement s: WriteQuery(sql, s.Query); break;
            case CreateViewStatement v:
                sql.Append("CREATE ").Append(v.OrReplace ? "OR REPLACE " : string.Empty).Append(v.Temporary ? "TEMPORARY " : string.Empty).Append("VIEW ");
                WriteName(sql, v.Name);
                WriteColumnList(sql, v.Columns);
                sql.Append(" AS ");
                WriteQuery(sql, v.Query);
                break;
            case CreateTableAsStatement t:
                sql.Append("CREATE ").Append(t.Temporary ? "TEMPORARY " : string.Empty).Append("TABLE ");
                WriteName(sql, t.Name);
                WriteColumnList(sql, t.Columns);
                sql.Append(" AS ");
                WriteQuery(sql, t.Query);
                break;
            case DropStatement d:
                sql.Append("DROP ").Append(d.Kind.ToString().ToUpperInvariant()).Append(d.IfExists ? " IF EXISTS " : " ");
                WriteList(sql, d.Names, WriteName);
                sql.Append(d.Cascade ? " CASCADE" : string.Empty);
                break;
            case ExplainStatement e:
                sql.Append("EXPLAIN ");
                if (e.Options.Count > 0)
                {
                    sql.Append('(');
                    WriteList(sql, e.Options, WriteOption);
                    sql.Append(") ");
                }

                WriteStatement(sql, e.Target);
                break;
            case SetStatement s:
                sql.Append(s.Scope == SetScope.Local ? "SET LOCAL " : "SET ").Append(s.Name).Append(" TO ");
                if (s.Values.Count == 0)
                {
                    sql.Append("DEFAULT");
                }

                WriteList(sql, s.Values, WriteExpr);
                break;
            case ShowStatement s: sql.Append("SHOW ").Append(s.Name); break;
            case ResetStatement r: sql.Append("RESET ").Append(r.Name ?? "ALL"); break;
            case TransactionStatement t: WriteTransaction(sql, t); break;
            case DiscardStatement d: sql.Append("DISCARD ").Append(d.Target.ToUpperInvariant()); break;
            case DeclareCursorStatement d:
                sql.Append("DECLARE ").Append(Identifier(d.Name)).Append(d.Binary ? " BINARY" : string.Empty)
                    .Append(d.Scroll switch { true => " SCROLL", false => " NO SCROLL", null => string.Empty })
                    .Append(" CURSOR").Append(d.WithHold ? " WITH HOLD" : string.Empty).Append(" FOR ");
                WriteQuery(sql, d.Query);
                break;
            case FetchStatement f:
                sql.Append(f.Move ? "MOVE " : "FETCH ").Append(f.Direction switch
                {
                    FetchDirection.ForwardAll => "FORWARD ALL",
                    FetchDirection.BackwardAll => "BACKWARD ALL",
                    _ => f.Direction.ToString().ToUpperInvariant(),
                });
                sql.Append(f.Count is null ? string.Empty : " " + Invariant(f.Count.Value)).Append(" FROM ").Append(Identifier(f.Cursor));
                break;
            case CloseStatement c: sql.Append("CLOSE ").Append(c.Name is null ? "ALL" : Identifier(c.Name)); break;
            case DeallocateStatement d: sql.Append("DEALLOCATE ").Append(d.Name is null ? "ALL" : Identifier(d.Name)); break;
            case CopyStatement c: WriteCopy(sql, c); break;
            case UnsupportedStatement u: sql.Append("-- unsupported: ").Append(u.Command); break;
            default: sql.Append(statement.GetType().Name); break;
        }
    }

    private static void WriteOption(StringBuilder sql, SqlOption option)
    {
        sql.Append(option.Name.ToUpperInvariant());
        if (option.Value is not null)
        {
            sql.Append(' ').Append(Quote(option.Value));
        }
    }

    private static void WriteTransaction(StringBuilder sql, TransactionStatement t)
    {
        sql.Append(t.Action switch
        {
            TransactionAction.Begin => "BEGIN",
            TransactionAction.Commit => "COMMIT",
            TransactionAction.Rollback => "ROLLBACK",
            _ => "SET TRANSACTION",
        });
        foreach (var mode in t.Modes)
        {
            sql.Append(' ').Append(mode.Name.ToUpperInvariant());
            if (mode.Value is not null)
            {
                sql.Append(' ').Append(mode.Value.ToUpperInvariant());
            }
        }
    }

    private static void WriteCopy(StringBuilder sql, CopyStatement c)
    {
        sql.Append("COPY ");
        if (c.Source is not null)
        {
            sql.Append('(');
            WriteQuery(sql, c.Source);
            sql.Append(')');
        }
        else if (c.Table is not null)
        {
            WriteName(sql, c.Table);
            WriteColumnList(sql, c.Columns);
        }

        sql.Append(c.ToClient ? " TO STDOUT" : " FROM STDIN");
        if (c.Options.Count > 0)
        {
            sql.Append(" (");
            WriteList(sql, c.Options, WriteOption);
            sql.Append(')');
        }
    }
}
