using Vnd.Planner.Logical;
using Tags = Vnd.Planner.Distributed.FragmentTags;

namespace Vnd.Planner.Distributed;

/// <summary>The expression half of <see cref="FragmentWriter"/>.</summary>
internal sealed class FragmentExprWriter(FragmentWriter writer)
{
    public void Write(BoundExpr? expr)
    {
        switch (expr)
        {
            case null:
                writer.Byte((byte)Tags.Expr.Absent);
                break;
            case BoundColumn c:
                writer.Byte((byte)Tags.Expr.Column);
                writer.VarInt(c.Id.Value);
                writer.String(c.Name);
                writer.Type(c.ColumnType);
                break;
            case BoundLiteral l:
                writer.Byte((byte)Tags.Expr.Literal);
                writer.Value(l.Value);
                writer.Type(l.LiteralType);
                break;
            case BoundParameter p:
                writer.Byte((byte)Tags.Expr.Parameter);
                writer.VarInt(p.Index);
                writer.Type(p.ParameterType);
                break;
            case BoundCall c:
                writer.Byte((byte)Tags.Expr.Call);
                writer.String(c.FunctionId);
                writer.String(c.Name);
                writer.Byte((byte)c.Kind);
                writer.List(c.Arguments, Write);
                writer.Type(c.ResultType);
                break;
            case BoundCast c:
                writer.Byte((byte)Tags.Expr.Cast);
                Write(c.Operand);
                writer.Type(c.TargetType);
                break;
            case BoundCase c:
                writer.Byte((byte)Tags.Expr.Case);
                writer.List(c.Whens, w => { Write(w.Condition); Write(w.Result); });
                Write(c.Else);
                writer.Type(c.ResultType);
                break;
            case BoundInList i:
                writer.Byte((byte)Tags.Expr.InList);
                Write(i.Operand);
                writer.List(i.Items, Write);
                writer.Bool(i.Negated);
                break;
            case BoundIs i:
                writer.Byte((byte)Tags.Expr.Is);
                Write(i.Operand);
                writer.Byte((byte)i.Test);
                writer.Bool(i.Negated);
                break;
            case BoundAggregate a:
                writer.Byte((byte)Tags.Expr.Aggregate);
                writer.String(a.FunctionId);
                writer.String(a.Name);
                writer.List(a.Arguments, Write);
                writer.Bool(a.Distinct);
                Write(a.Filter);
                writer.Type(a.ResultType);
                writer.List(a.WithinGroup, writer.Key);
                writer.List(a.OrderBy, writer.Key);
                break;
            default:
                throw new FragmentFormatException("0A000", $"expression {expr.GetType().Name} cannot run on a table server yet");
        }
    }
}
