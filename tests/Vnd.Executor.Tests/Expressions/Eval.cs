using Vnd.Executor.Expressions;
using Vnd.Executor.Operators;
using Vnd.Executor.Tests.Operators;
using Vnd.Planner.Types;

namespace Vnd.Executor.Tests.Expressions;

/// <summary>Evaluates expressions through a real projection over a small in-memory table.</summary>
internal static class Eval
{
    /// <summary>One value: the expression over a one-row table with no columns of interest.</summary>
    public static object? Scalar(Expression expression) => Column(expression, new object?[] { 0 }).Single();

    /// <summary>The expression over a one-column table holding <paramref name="values"/> (column 0 of type int8 unless given).</summary>
    public static List<object?> Column(Expression expression, object?[] values, SqlType? type = null)
    {
        var table = new InMemoryTable([type ?? SqlType.Int8]);
        foreach (var v in values)
            table.AppendRow(v);
        return Plans.Run(new ProjectOperator(Plans.Scan(table), [expression]), parallelism: 1).Select(r => r[0]).ToList();
    }

    public static Expression C(object? value, SqlType type) => Expr.Constant(value, type);

    public static Expression I4(int value) => Expr.Constant(value, SqlType.Int4);

    public static Expression I8(long value) => Expr.Constant(value, SqlType.Int8);

    public static Expression F8(double value) => Expr.Constant(value, SqlType.Float8);

    public static Expression T(string? value) => Expr.Constant(value, SqlType.Text);

    public static Expression B(bool? value) => Expr.Constant(value, SqlType.Bool);

    public static ExecutionException Fails(Expression expression) => Assert.Throws<ExecutionException>(() => Scalar(expression));
}
