using Vnd.Planner.Logical;
using Vnd.Planner.Syntax.Ast;
using Vnd.Planner.Types;

namespace Vnd.Planner.Binding;

/// <summary>grouping(a, b, …): which of its arguments the current row's grouping set leaves out, as a bit mask.</summary>
internal sealed partial class ExprBinder
{
    private BoundExpr BindGroupingFunction(FunctionCall f)
    {
        if (Probe)
        {
            return new BoundLiteral(0, SqlType.Int4);
        }
        if (Grouping is null || InsideAggregate)
        {
            throw BinderErrors.Error(BinderErrors.GroupingError,
                InsideAggregate ? "aggregate function calls cannot contain grouping operations" : $"grouping operations are not allowed in {Clause}", f);
        }
        if (f.Arguments.Count > 31)
        {
            throw BinderErrors.Error("54023", "GROUPING must have fewer than 32 arguments", f);
        }
        var probe = Derive(Clause, probe: true);
        var keyCount = Grouping.Sets?.KeyCount ?? Grouping.Keys.Count;
        var indexes = new List<int>();
        foreach (var argument in f.Arguments)
        {
            var bound = probe.Settle(probe.Bind(argument), argument);
            var index = Grouping.Keys.FindIndex(k => k.Expr.Equals(bound));
            if (index < 0 || index >= keyCount)
            {
                throw BinderErrors.Error(BinderErrors.GroupingError, "arguments to GROUPING must be grouping expressions of the associated query level", argument);
            }
            indexes.Add(index);
        }
        if (Grouping.Sets is not { } sets)
        {
            return new BoundLiteral(0, SqlType.Int4);
        }
        var value = sets.GroupingValue(indexes);
        if (value is BoundLiteral)
        {
            return value;
        }
        var existing = Grouping.MatchKey(value);
        if (existing is not null)
        {
            return existing;
        }
        var column = _context.NewColumn("grouping", SqlType.Int4);
        Grouping.Keys.Add(new ProjectItem(column, value));
        return BoundColumn.Of(column);
    }
}
