using System.Globalization;
using System.Text;
using Vnd.Planner.Types;

namespace Vnd.Planner.Logical;

/// <summary>Renders a bound expression for EXPLAIN: columns as name#id, operators infix, literals typed when not obvious.</summary>
public static class ExprText
{
    public static string Format(BoundExpr expr)
    {
        var builder = new StringBuilder();
        Append(builder, expr);
        return builder.ToString();
    }

    public static void Append(StringBuilder b, BoundExpr expr)
    {
        switch (expr)
        {
            case BoundColumn c:
                b.Append(c.Name).Append(c.Id);
                break;
            case BoundLiteral l:
                AppendLiteral(b, l);
                break;
            case BoundParameter p:
                b.Append('$').Append(p.Index).Append("::").Append(p.Type.Id.ToString().ToLowerInvariant());
                break;
            case BoundCall { Kind: CallKind.Operator, Arguments.Count: 1 } u:
                b.Append('(').Append(u.Name).Append(' ');
                Append(b, u.Arguments[0]);
                b.Append(')');
                break;
            case BoundCall { Kind: CallKind.Operator } o:
                b.Append('(');
                for (var i = 0; i < o.Arguments.Count; i++)
                {
                    if (i > 0)
                    {
                        b.Append(' ').Append(o.Name).Append(' ');
                    }
                    Append(b, o.Arguments[i]);
                }
                b.Append(')');
                break;
            case BoundCall f:
                b.Append(f.Name);
                AppendArguments(b, f.Arguments);
                break;
            case BoundCast cast:
                b.Append("CAST(");
                Append(b, cast.Operand);
                b.Append(" AS ").Append(cast.TargetType.Id.ToString().ToLowerInvariant()).Append(')');
                break;
            case BoundCase k:
                b.Append("CASE");
                foreach (var when in k.Whens)
                {
                    b.Append(" WHEN ");
                    Append(b, when.Condition);
                    b.Append(" THEN ");
                    Append(b, when.Result);
                }
                if (k.Else is not null)
                {
                    b.Append(" ELSE ");
                    Append(b, k.Else);
                }
                b.Append(" END");
                break;
            case BoundInList inList:
                Append(b, inList.Operand);
                b.Append(inList.Negated ? " NOT IN " : " IN ");
                AppendArguments(b, inList.Items);
                break;
            case BoundIs test:
                Append(b, test.Operand);
                b.Append(test.Negated ? " IS NOT " : " IS ").Append(test.Test.ToString().ToUpperInvariant());
                break;
            case BoundSubquery s:
                AppendSubquery(b, s);
                break;
            case BoundAggregate a:
                b.Append(a.Name).Append('(');
                if (a.Distinct)
                {
                    b.Append("DISTINCT ");
                }
                AppendList(b, a.Arguments, a.Arguments.Count == 0 ? "*" : "");
                if (a.OrderBy.Count > 0)
                {
                    b.Append(" ORDER BY ").Append(string.Join(", ", a.OrderBy));
                }
                b.Append(')');
                if (a.Filter is not null)
                {
                    b.Append(" FILTER (WHERE ");
                    Append(b, a.Filter);
                    b.Append(')');
                }
                break;
            case BoundWindowCall w:
                b.Append(w.Name);
                AppendArguments(b, w.Arguments);
                b.Append(" OVER (PARTITION BY [").Append(string.Join(", ", w.PartitionBy)).Append("] ORDER BY [")
                    .Append(string.Join(", ", w.OrderBy)).Append(']');
                if (w.Frame is not null)
                {
                    b.Append(' ').Append(w.Frame);
                }
                b.Append(')');
                break;
            default:
                throw new InvalidOperationException("no text for " + expr.GetType().Name);
        }
    }

    private static void AppendSubquery(StringBuilder b, BoundSubquery s)
    {
        if (s.Operand is not null && s.Kind == SubqueryKind.Quantified)
        {
            Append(b, s.Operand);
            b.Append(' ').Append(s.Comparison).Append(s.All ? " ALL " : " ANY ");
        }
        else if (s.Operand is not null)
        {
            Append(b, s.Operand);
            b.Append(s.Negated ? " NOT IN " : " IN ");
        }
        else if (s.Kind == SubqueryKind.Exists)
        {
            b.Append(s.Negated ? "NOT EXISTS " : "EXISTS ");
        }
        else if (s.Kind == SubqueryKind.Array)
        {
            b.Append("ARRAY");
        }
        else if (s.Kind == SubqueryKind.Lateral)
        {
            b.Append("LATERAL");
        }
        b.Append("(<subquery ").Append(string.Join(", ", s.Plan.Output)).Append(">)");
    }

    private static void AppendArguments(StringBuilder b, IReadOnlyList<BoundExpr> arguments)
    {
        b.Append('(');
        AppendList(b, arguments, "");
        b.Append(')');
    }

    private static void AppendList(StringBuilder b, IReadOnlyList<BoundExpr> items, string whenEmpty)
    {
        if (items.Count == 0)
        {
            b.Append(whenEmpty);
        }
        for (var i = 0; i < items.Count; i++)
        {
            if (i > 0)
            {
                b.Append(", ");
            }
            Append(b, items[i]);
        }
    }

    private static void AppendLiteral(StringBuilder b, BoundLiteral literal)
    {
        switch (literal.Value)
        {
            case null:
                b.Append("NULL");
                return;
            case bool value:
                b.Append(value ? "true" : "false");
                return;
            case string text:
                b.Append('\'').Append(text.Replace("'", "''", StringComparison.Ordinal)).Append('\'');
                if (literal.Type.Id != TypeId.Text)
                {
                    b.Append("::").Append(literal.Type.Id.ToString().ToLowerInvariant());
                }
                return;
            case IFormattable number:
                b.Append(number.ToString(null, CultureInfo.InvariantCulture));
                if (literal.Type.Id is not (TypeId.Int4 or TypeId.Int8 or TypeId.Numeric))
                {
                    b.Append("::").Append(literal.Type.Id.ToString().ToLowerInvariant());
                }
                return;
            default:
                b.Append(literal.Value);
                return;
        }
    }
}
