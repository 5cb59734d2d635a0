using Vnd.Executor.Expressions;
using Vnd.Planner.Types;
using static Vnd.Executor.Tests.Expressions.Eval;

namespace Vnd.Executor.Tests.Expressions;

public class ArithmeticTests
{
    [Fact]
    public void Integer_division_truncates_toward_zero_and_modulo_keeps_the_dividend_sign()
    {
        Assert.Equal(-2, Scalar(Expr.Divide(I4(-7), I4(3))));
        Assert.Equal(-1, Scalar(Expr.Modulo(I4(-7), I4(3))));
        Assert.Equal(0L, Scalar(Expr.Modulo(I8(long.MinValue), I8(-1))));
    }

    [Fact]
    public void Mixed_widths_widen_like_postgres()
    {
        var sum = Expr.Add(I4(1), I8(2));
        Assert.Equal(SqlType.Int8, sum.Type);
        Assert.Equal(3L, Scalar(sum));
        Assert.Equal(2.5, Scalar(Expr.Add(I4(1), F8(1.5))));
        Assert.Equal(SqlType.Numeric, Expr.Multiply(I8(2), C(1.5m, SqlType.Numeric)).Type);
    }

    [Theory]
    [InlineData(TypeId.Int2, "smallint out of range")]
    [InlineData(TypeId.Int4, "integer out of range")]
    [InlineData(TypeId.Int8, "bigint out of range")]
    public void Integer_overflow_is_22003_naming_the_type(TypeId id, string message)
    {
        var (type, max) = id switch
        {
            TypeId.Int2 => (SqlType.Int2, (object)short.MaxValue),
            TypeId.Int4 => (SqlType.Int4, int.MaxValue),
            _ => (SqlType.Int8, (object)long.MaxValue),
        };
        var e = Fails(Expr.Add(C(max, type), C(1, type)));
        Assert.Equal("22003", e.SqlState);
        Assert.Equal(message, e.Message);
        Assert.Equal("22003", Fails(Expr.Multiply(C(max, type), C(2, type))).SqlState);
    }

    [Fact]
    public void Numeric_results_past_decimal_precision_fail_instead_of_rounding()
    {
        static Expression N(decimal value) => C(value, SqlType.Numeric);
        // PostgreSQL answers 26512143551514162655150435318.581; decimal alone would round it to …319.
        Assert.Equal("22003", Fails(Expr.Multiply(N(2147483647m), N(12345678901234567890.123m))).SqlState);
        Assert.Equal("22003", Fails(Expr.Add(N(10000000000000000000000000000m), N(0.5m))).SqlState);
        Assert.Equal("22003", Fails(Expr.Subtract(N(0.5m), N(10000000000000000000000000000m))).SqlState);
        // Scale 14 + 15 = 29, one more than decimal holds.
        Assert.Equal("22003", Fails(Expr.Multiply(N(0.00000000000001m), N(0.000000000000001m))).SqlState);
        // Within its precision the result has PostgreSQL's scale.
        Assert.Equal("2.200", ((decimal)Scalar(Expr.Multiply(N(1.10m), N(2.0m)))!).ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("3.10", ((decimal)Scalar(Expr.Add(N(1.10m), N(2m)))!).ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Min_divided_by_minus_one_overflows()
    {
        Assert.Equal("22003", Fails(Expr.Divide(I4(int.MinValue), I4(-1))).SqlState);
    }

    [Fact]
    public void Division_by_zero_is_22012_for_every_numeric_type()
    {
        Assert.Equal("22012", Fails(Expr.Divide(I4(1), I4(0))).SqlState);
        Assert.Equal("22012", Fails(Expr.Modulo(I8(1), I8(0))).SqlState);
        Assert.Equal("22012", Fails(Expr.Divide(F8(1), F8(0))).SqlState);
        Assert.Equal("division by zero", Fails(Expr.Divide(C(1m, SqlType.Numeric), C(0m, SqlType.Numeric))).Message);
    }

    [Fact]
    public void Null_operands_give_null_and_never_raise()
    {
        Assert.Null(Scalar(Expr.Divide(I4(1), Expr.Null(SqlType.Int4))));
        // NULL rows of a column must not trip division by zero or overflow on the garbage behind them.
        var column = Expr.Column(0, SqlType.Int8);
        var values = Column(Expr.Divide(I8(100), column), [5L, null, 0L == 1 ? 0L : 20L]);
        Assert.Equal([20L, null, 5L], values);
    }

    [Fact]
    public void Overflow_in_a_column_is_detected_row_by_row()
    {
        var column = Expr.Column(0, SqlType.Int8);
        var e = Assert.Throws<ExecutionException>(() => Column(Expr.Multiply(column, I8(1L << 40)), [1L, 1L << 30]));
        Assert.Equal("22003", e.SqlState);
    }

    [Fact]
    public void Timestamp_difference_is_an_interval_and_shifting_by_an_interval_round_trips()
    {
        var a = new DateTime(2024, 3, 1, 12, 0, 0, DateTimeKind.Utc);
        var b = a.AddSeconds(-1.5);
        var diff = Expr.Subtract(C(a, SqlType.TimestampTz), C(b, SqlType.TimestampTz));
        Assert.Equal(SqlType.Interval, diff.Type);
        Assert.Equal(new Vnd.Executor.Vectors.PgInterval(0, 0, 1_500_000), Scalar(diff));
        var nanos = Expr.Subtract(C(a, SqlType.TimestampTzNanos), C(b, SqlType.TimestampTzNanos));
        Assert.Equal(new Vnd.Executor.Vectors.PgInterval(0, 0, 1_500_000), Scalar(nanos));
        var month = C(new Vnd.Executor.Vectors.PgInterval(1, 0, 0), SqlType.Interval);
        Assert.Equal(new DateTime(2024, 4, 1, 12, 0, 0, DateTimeKind.Utc), Scalar(Expr.Add(C(a, SqlType.TimestampTz), month)));
    }
}
