using Vnd.Executor.Expressions;
using Vnd.Executor.Vectors;
using Vnd.Planner.Types;
using static Vnd.Executor.Tests.Expressions.Eval;

namespace Vnd.Executor.Tests.Expressions;

public class CastTests
{
    private static Expression Col(SqlType t) => Expr.Column(0, t);

    [Fact]
    public void Float_to_integer_rounds_half_to_even_and_numeric_half_away()
    {
        Assert.Equal([2, 4, -2], Column(Expr.Cast(Col(SqlType.Float8), SqlType.Int4), [2.5, 3.5, -2.5], SqlType.Float8));
        Assert.Equal([3, -3], Column(Expr.Cast(Col(SqlType.Numeric), SqlType.Int4), [2.5m, -2.5m], SqlType.Numeric));
    }

    [Fact]
    public void Narrowing_out_of_range_is_22003()
    {
        var e = Assert.Throws<ExecutionException>(() => Column(Expr.Cast(Col(SqlType.Int8), SqlType.Int4), [1L << 40]));
        Assert.Equal("22003", e.SqlState);
        Assert.Equal("integer out of range", e.Message);
        Assert.Equal("smallint out of range", Assert.Throws<ExecutionException>(() => Column(Expr.Cast(Col(SqlType.Int4), SqlType.Int2), [70000], SqlType.Int4)).Message);
    }

    [Fact]
    public void Text_round_trips_numbers_and_rejects_garbage_with_22P02()
    {
        Assert.Equal(["42", null], Column(Expr.Cast(Col(SqlType.Int8), SqlType.Text), [42L, null]));
        Assert.Equal([17, -3], Column(Expr.Cast(Col(SqlType.Text), SqlType.Int4), [" 17", "-3"], SqlType.Text));
        Assert.Equal("1.5", Scalar(Expr.Cast(F8(1.5), SqlType.Text)));
        var e = Assert.Throws<ExecutionException>(() => Column(Expr.Cast(Col(SqlType.Text), SqlType.Int4), ["abc"], SqlType.Text));
        Assert.Equal("22P02", e.SqlState);
        Assert.Equal("invalid input syntax for type integer: \"abc\"", e.Message);
    }

    [Fact]
    public void Timestamps_cast_to_text_and_between_resolutions()
    {
        var t = new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Utc).AddTicks(5000);
        Assert.Equal("2024-01-02 03:04:05.0005+00", Scalar(Expr.Cast(C(t, SqlType.TimestampTz), SqlType.Text)));
        Assert.Equal(t, Scalar(Expr.Cast(C(t, SqlType.TimestampTz), SqlType.TimestampTzNanos)));
        Assert.Equal(new DateTime(2024, 5, 6, 0, 0, 0, DateTimeKind.Utc), Scalar(Expr.Cast(T("2024-05-06"), SqlType.TimestampTz)));
        Assert.Equal("1 day 02:00:00", Scalar(Expr.Cast(C(new PgInterval(0, 1, 7_200_000_000), SqlType.Interval), SqlType.Text)));
    }

    [Fact]
    public void Inet_and_bool_convert_through_text()
    {
        Assert.Equal("10.1.2.3", Scalar(Expr.Cast(C("10.1.2.3", SqlType.Inet4), SqlType.Text)));
        Assert.Equal("10.0.0.0/8", Scalar(Expr.Cast(T("10.0.0.0/8"), SqlType.Inet))!.ToString());
        Assert.Equal(true, Scalar(Expr.Cast(T("yes"), SqlType.Bool)));
        Assert.Equal("false", Scalar(Expr.Cast(B(false), SqlType.Text)));
    }
}
