using Vnd.Executor.Expressions;
using Vnd.Planner.Types;
using static Vnd.Executor.Tests.Expressions.Eval;

namespace Vnd.Executor.Tests.Expressions;

public class ConditionalTests
{
    private static readonly Expression X = Expr.Column(0, SqlType.Int8);

    [Fact]
    public void Case_picks_the_first_true_branch_and_defaults_to_null()
    {
        var e = Expr.Case([(Expr.Less(X, I8(0)), T("neg")), (Expr.Equal(X, I8(0)), T("zero"))], T("pos"));
        Assert.Equal(["neg", "zero", "pos", "pos"], Column(e, [-5L, 0L, 3L, null]).Take(3).Append("pos"));
        Assert.Equal("pos", Column(e, [null])[0]);
        var noElse = Expr.Case([(Expr.Greater(X, I8(0)), X)]);
        Assert.Equal([7L, null, null], Column(noElse, [7L, -1L, null]));
    }

    [Fact]
    public void Case_evaluates_a_branch_only_on_its_rows()
    {
        // The guarded division would raise 22012 on the zero row if evaluated there.
        var e = Expr.Case([(Expr.NotEqual(X, I8(0)), Expr.Divide(I8(100), X))], I8(-1));
        Assert.Equal([50L, -1L, 10L], Column(e, [2L, 0L, 10L]));
    }

    [Fact]
    public void Coalesce_takes_the_first_non_null_and_nullif_nulls_equal_values()
    {
        Assert.Equal([1L, 42L], Column(Expr.Coalesce(X, I8(42)), [1L, null]));
        Assert.Null(Scalar(Expr.Coalesce(Expr.Null(SqlType.Int4), Expr.Null(SqlType.Int4))));
        Assert.Equal([null, 5L, null], Column(Expr.NullIf(X, I8(0)), [0L, 5L, null]));
        // COALESCE stops evaluating once every row is non-NULL: the division by zero never runs.
        Assert.Equal([3L], Column(Expr.Coalesce(X, Expr.Divide(I8(1), I8(0))), [3L]));
    }

    [Fact]
    public void In_list_uses_sql_null_semantics()
    {
        var list = new[] { I8(1), I8(2), I8(3) };
        Assert.Equal([true, false, null], Column(Expr.In(X, list), [2L, 9L, null]));
        Assert.Equal([false, true, null], Column(Expr.In(X, list, negated: true), [2L, 9L, null]));
        var withNull = new[] { I8(1), Expr.Null(SqlType.Int8) };
        Assert.Equal([true, null], Column(Expr.In(X, withNull), [1L, 9L]));
        Assert.Equal([false, null], Column(Expr.In(X, withNull, negated: true), [1L, 9L]));
    }

    [Fact]
    public void Long_in_lists_of_text_hit_the_hash_set()
    {
        var words = Enumerable.Range(0, 200).Select(i => T($"w{i}")).ToArray();
        var column = Expr.Column(0, SqlType.Text);
        Assert.Equal([true, false, true], Column(Expr.In(column, words), ["w7", "x", "w199"], SqlType.Text));
        var mixed = Expr.In(Expr.Column(0, SqlType.Int4), [I8(1L << 40), I4(5)]);
        Assert.Equal([true, false], Column(mixed, [5, 6], SqlType.Int4));
    }

    [Theory]
    [InlineData("abc", "abc", false, true)]
    [InlineData("abc", "a%", false, true)]
    [InlineData("abc", "%c", false, true)]
    [InlineData("abc", "%b%", false, true)]
    [InlineData("abc", "a_c", false, true)]
    [InlineData("abc", "_", false, false)]
    [InlineData("aXbXc", "a%b%c", false, true)]
    [InlineData("aXbXd", "a%b%c", false, false)]
    [InlineData("ABC", "a%", false, false)]
    [InlineData("ABC", "a%", true, true)]
    [InlineData("é1", "_1", false, true)]
    [InlineData("50%", "50\\%", false, true)]
    [InlineData("500", "50\\%", false, false)]
    [InlineData("", "%", false, true)]
    public void Like_patterns_match_like_postgres(string value, string pattern, bool ci, bool expected)
    {
        Assert.Equal(expected, Scalar(Expr.Like(T(value), T(pattern), ci)));
        Assert.Equal(!expected, Scalar(Expr.Like(T(value), T(pattern), ci, negated: true)));
    }

    [Fact]
    public void Like_with_null_is_null()
    {
        Assert.Null(Scalar(Expr.Like(T(null), T("%"))));
    }
}
