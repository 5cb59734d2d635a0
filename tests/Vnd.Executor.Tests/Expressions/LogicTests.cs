using Vnd.Executor.Expressions;
using Vnd.Planner.Types;
using static Vnd.Executor.Tests.Expressions.Eval;

namespace Vnd.Executor.Tests.Expressions;

public class LogicTests
{
    public static TheoryData<bool?, bool?, bool?, bool?> TruthTable => new()
    {
        // a, b, a AND b, a OR b
        { true, true, true, true },
        { true, false, false, true },
        { true, null, null, true },
        { false, false, false, false },
        { false, null, false, null },
        { null, null, null, null },
        { null, false, false, null },
        { null, true, null, true },
    };

    [Theory]
    [MemberData(nameof(TruthTable))]
    public void And_or_follow_three_valued_logic(bool? a, bool? b, bool? and, bool? or)
    {
        Assert.Equal(and, Scalar(Expr.And(B(a), B(b))));
        Assert.Equal(or, Scalar(Expr.Or(B(a), B(b))));
    }

    [Fact]
    public void Three_valued_logic_holds_over_columns_too()
    {
        var table = new Vnd.Executor.Operators.InMemoryTable([SqlType.Bool, SqlType.Bool]);
        var cases = TruthTable.Select(r => ((bool?)r[0], (bool?)r[1], (bool?)r[2], (bool?)r[3])).ToList();
        foreach (var (a, b, _, _) in cases)
            table.AppendRow(a, b);
        var a0 = Expr.Column(0, SqlType.Bool);
        var b1 = Expr.Column(1, SqlType.Bool);
        var rows = Operators.Plans.Run(new Vnd.Executor.Operators.ProjectOperator(Operators.Plans.Scan(table),
            [Expr.And(a0, b1), Expr.Or(a0, b1), Expr.Not(a0)]), 1);
        for (var i = 0; i < cases.Count; i++)
        {
            Assert.Equal(cases[i].Item3, rows[i][0]);
            Assert.Equal(cases[i].Item4, rows[i][1]);
            Assert.Equal(cases[i].Item1 is null ? null : !cases[i].Item1, rows[i][2]);
        }
    }

    [Fact]
    public void Is_null_and_is_distinct_from_never_return_null()
    {
        Assert.Equal(true, Scalar(Expr.IsNull(Expr.Null(SqlType.Int4))));
        Assert.Equal(false, Scalar(Expr.IsNotNull(Expr.Null(SqlType.Int4))));
        Assert.Equal(false, Scalar(Expr.IsDistinctFrom(Expr.Null(SqlType.Int4), Expr.Null(SqlType.Int4))));
        Assert.Equal(true, Scalar(Expr.IsDistinctFrom(I4(1), Expr.Null(SqlType.Int4))));
        Assert.Equal(true, Scalar(Expr.IsDistinctFrom(I4(1), I4(2))));
        Assert.Equal(true, Scalar(Expr.IsDistinctFrom(I4(1), I8(1), negated: true)));
        var column = Expr.Column(0, SqlType.Int8);
        Assert.Equal([false, true, false], Column(Expr.IsDistinctFrom(column, I8(5)), [5L, null, 5L]));
        Assert.Equal([false, true], Column(Expr.IsNull(column), [5L, null]));
    }

    [Fact]
    public void Comparisons_with_null_are_null_and_int4_meets_int8_by_value()
    {
        Assert.Null(Scalar(Expr.Equal(I4(1), Expr.Null(SqlType.Int4))));
        Assert.Equal(true, Scalar(Expr.Equal(I4(7), I8(7))));
        Assert.Equal(true, Scalar(Expr.Less(I4(int.MaxValue), I8(1L << 40))));
    }

    [Fact]
    public void Text_compares_bytewise_like_the_c_collation()
    {
        Assert.Equal(true, Scalar(Expr.Less(T("B"), T("a"))));
        Assert.Equal(true, Scalar(Expr.Less(T("ab"), T("abc"))));
        Assert.Equal(true, Scalar(Expr.Greater(T("é"), T("z"))));
        Assert.Equal(true, Scalar(Expr.Equal(T("x"), T("x"))));
        var column = Expr.Column(0, SqlType.Text);
        Assert.Equal([true, false, null], Column(Expr.GreaterOrEqual(column, T("m")), ["n", "a", null], SqlType.Text));
    }

    [Fact]
    public void Inet_compares_v4_before_v6_then_by_address()
    {
        var a = C("10.0.0.1", SqlType.Inet);
        var b = C("10.0.0.2", SqlType.Inet);
        var v6 = C("::1", SqlType.Inet);
        Assert.Equal(true, Scalar(Expr.Less(a, b)));
        Assert.Equal(true, Scalar(Expr.Less(b, v6)));
        Assert.Equal(true, Scalar(Expr.Equal(C("192.168.1.1", SqlType.Inet4), C("192.168.1.1", SqlType.Inet4))));
        Assert.Equal(true, Scalar(Expr.Equal(C("192.168.1.1", SqlType.Inet4), C("192.168.1.1", SqlType.Inet))));
    }
}
