using Vnd.Executor.Operators;
using Vnd.Planner.Types;

namespace Vnd.Executor.Tests.Operators;

public class SetOperationTests
{
    private static readonly InMemoryTable Left = InMemoryTable.FromRows([SqlType.Int4, SqlType.Text],
        [[1, "a"], [1, "a"], [1, "a"], [2, "b"], [null, "n"], [null, "n"], [4, null]]);

    private static readonly InMemoryTable Right = InMemoryTable.FromRows([SqlType.Int8, SqlType.Text],
        [[1L, "a"], [null, "n"], [3L, "c"], [4L, null], [4L, null]]);

    [Theory]
    [InlineData(SetOperation.Union, false, new[] { "1|a", "2|b", "3|c", "4|∅", "∅|n" })]
    [InlineData(SetOperation.Union, true, new[] { "1|a", "1|a", "1|a", "1|a", "2|b", "3|c", "4|∅", "4|∅", "4|∅", "∅|n", "∅|n", "∅|n" })]
    [InlineData(SetOperation.Intersect, false, new[] { "1|a", "4|∅", "∅|n" })]
    [InlineData(SetOperation.Intersect, true, new[] { "1|a", "4|∅", "∅|n" })]
    [InlineData(SetOperation.Except, false, new[] { "2|b" })]
    [InlineData(SetOperation.Except, true, new[] { "1|a", "1|a", "2|b", "∅|n" })]
    public void Set_operations_count_rows_like_sql(SetOperation operation, bool all, string[] expected)
    {
        var plan = new SetOperationOperator(Plans.Scan(Left), Plans.Scan(Right), operation, all);
        Assert.Equal(SqlType.Int8, plan.OutputTypes[0]);
        Assert.Equal(expected.Order(StringComparer.Ordinal), Plans.Sorted(Plans.Run(plan)));
    }
}
