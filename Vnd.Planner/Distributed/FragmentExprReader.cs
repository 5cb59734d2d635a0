using Vnd.Planner.Logical;
using Vnd.Planner.Syntax.Ast;
using Tags = Vnd.Planner.Distributed.FragmentTags;

namespace Vnd.Planner.Distributed;

/// <summary>The expression half of <see cref="FragmentReader"/>.</summary>
internal sealed class FragmentExprReader(FragmentReader reader)
{
    public BoundExpr? Read()
    {
        reader.Enter();
        var tag = (Tags.Expr)reader.Byte();
        BoundExpr? expr = tag switch
        {
            Tags.Expr.Absent => null,
            Tags.Expr.Column => new BoundColumn(new ColumnId(reader.Int()), reader.String(), reader.Type()),
            Tags.Expr.Literal => new BoundLiteral(reader.Value(), reader.Type()),
            Tags.Expr.Parameter => new BoundParameter(reader.Int(), reader.Type()),
            Tags.Expr.Call => new BoundCall(reader.String(), reader.String(),
                reader.Enum<CallKind>(reader.Byte(), (byte)CallKind.Operator), reader.List(reader.RequiredExpr), reader.Type()),
            Tags.Expr.Cast => new BoundCast(reader.RequiredExpr(), reader.Type()),
            Tags.Expr.Case => new BoundCase(reader.List(When), reader.Expr(), reader.Type()),
            Tags.Expr.InList => new BoundInList(reader.RequiredExpr(), reader.List(reader.RequiredExpr), reader.Bool()),
            Tags.Expr.Is => new BoundIs(reader.RequiredExpr(), reader.Enum<IsTest>(reader.Byte(), (byte)IsTest.Unknown), reader.Bool()),
            Tags.Expr.Aggregate => new BoundAggregate(reader.String(), reader.String(), reader.List(reader.RequiredExpr),
                reader.Bool(), reader.Expr(), reader.Type()) { WithinGroup = reader.List(reader.Key), OrderBy = reader.List(reader.Key) },
            _ => throw reader.Fail($"unknown expression tag {(byte)tag}"),
        };
        reader.Leave();
        return expr;
    }

    private BoundWhen When() => new(reader.RequiredExpr(), reader.RequiredExpr());
}
