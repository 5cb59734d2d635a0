using Vnd.Executor.Expressions;
using Vnd.Planner.Types;
using static Vnd.Executor.Tests.Expressions.Eval;

namespace Vnd.Executor.Tests.Expressions;

public class FunctionTests
{
    private static object? F(string name, params Expression[] args) => Scalar(Expr.Function(name, args));

    [Fact]
    public void Rounding_functions_on_double_epochs_and_numerics()
    {
        Assert.Equal(1700000001.0, F("ceil", F8(1700000000.2)));
        Assert.Equal(-1.0, F("floor", F8(-0.5)));
        // round(float8) is rint in PostgreSQL: halves go to even (round(2.5::float8) = 2, round(3.5::float8) = 4).
        Assert.Equal(2.0, F("round", F8(2.5)));
        Assert.Equal(4.0, F("round", F8(3.5)));
        Assert.Equal(3m, F("round", C(2.5m, SqlType.Numeric)));
        Assert.Equal(-2.0, F("trunc", F8(-2.7)));
        Assert.Equal(2.35m, F("round", C(2.345m, SqlType.Numeric), I4(2)));
        Assert.Equal(2.34m, F("trunc", C(2.349m, SqlType.Numeric), I4(2)));
        Assert.Equal(SqlType.Numeric, Expr.Function("ceil", I4(3)).Type);
        var ts = Expr.Column(0, SqlType.Float8);
        Assert.Equal([2.0, 2.0, null], Column(Expr.Function("ceil", ts), [1.5, 2.0, null], SqlType.Float8));
    }

    [Fact]
    public void Abs_sign_and_domain_errors()
    {
        Assert.Equal(5, F("abs", I4(-5)));
        Assert.Equal("22003", Fails(Expr.Function("abs", I4(int.MinValue))).SqlState);
        Assert.Equal(-1.0, F("sign", F8(-3)));
        Assert.Equal(3.0, F("sqrt", F8(9)));
        Assert.Equal("2201F", Fails(Expr.Function("sqrt", F8(-1))).SqlState);
        Assert.Equal("2201E", Fails(Expr.Function("ln", F8(0))).SqlState);
        Assert.Equal(2.0, F("log", F8(100)));
        Assert.Equal(1024.0, F("power", I4(2), I4(10)));
        Assert.Equal(Math.E, F("exp", F8(1)));
        Assert.Equal(2L, F("mod", I8(17), I8(5)));
    }

    [Fact]
    public void Greatest_and_least_ignore_nulls()
    {
        Assert.Equal(9L, F("greatest", I4(3), I8(9), Expr.Null(SqlType.Int4)));
        Assert.Equal(3L, F("least", I4(3), I8(9), Expr.Null(SqlType.Int4)));
        Assert.Null(F("greatest", Expr.Null(SqlType.Int4), Expr.Null(SqlType.Int4)));
        Assert.Equal("pear", F("greatest", T("apple"), T("pear")));
    }

    [Fact]
    public void Text_functions_count_characters_not_bytes()
    {
        Assert.Equal(4, F("length", T("héllo".Substring(0, 4))));
        Assert.Equal(5, F("octet_length", T("héll")));
        Assert.Equal("HÉLLO", F("upper", T("héllo")));
        Assert.Equal("abc", F("lower", T("ABC")));
        Assert.Equal("éll", F("substr", T("héllo"), I4(2), I4(3)));
        Assert.Equal("hé", F("substr", T("héllo"), I4(-1), I4(4)));
        Assert.Equal("llo", F("substr", T("héllo"), I4(3)));
        Assert.Equal(3, F("position", T("héllo"), T("l")));
        Assert.Equal(0, F("position", T("héllo"), T("z")));
        Assert.Equal("a-b-c", F("replace", T("a.b.c"), T("."), T("-")));
        Assert.Equal("ab1", F("concat", T("a"), T(null), T("b"), I4(1)));
        Assert.Equal("22011", Fails(Expr.Function("substr", T("x"), I4(1), I4(-1))).SqlState);
        Assert.Null(F("upper", T(null)));
    }

    [Fact]
    public void Date_functions_truncate_and_extract()
    {
        var t = new DateTime(2024, 5, 17, 13, 45, 30, DateTimeKind.Utc).AddTicks(1230);
        var ts = C(t, SqlType.TimestampTz);
        Assert.Equal(new DateTime(2024, 5, 17, 13, 0, 0, DateTimeKind.Utc), F("date_trunc", T("hour"), ts));
        Assert.Equal(new DateTime(2024, 5, 1, 0, 0, 0, DateTimeKind.Utc), F("date_trunc", T("month"), ts));
        Assert.Equal(new DateTime(2024, 5, 13, 0, 0, 0, DateTimeKind.Utc), F("date_trunc", T("week"), ts));
        Assert.Equal((t - DateTime.UnixEpoch).Ticks / 1e7, (double)F("date_part", T("epoch"), ts)!, 6);
        // A column of timestamps with a NULL takes date_part('epoch')'s vector loop (GROUP BY ceil(ts)).
        var later = t.AddSeconds(1.5);
        Assert.Equal(
            [(t - DateTime.UnixEpoch).Ticks / 1e7, null, (later - DateTime.UnixEpoch).Ticks / 1e7],
            Column(Expr.Function("date_part", T("epoch"), Expr.Column(0, SqlType.TimestampTz)), [t, null, later], SqlType.TimestampTz));
        // EXTRACT is numeric (exact), date_part float8, as in PostgreSQL 14+.
        Assert.Equal(2024m, F("extract", T("year"), ts));
        Assert.Equal(30.000123m, F("extract", T("second"), ts));
        Assert.Equal((decimal)(t - DateTime.UnixEpoch).Ticks / 10_000_000m, F("extract", T("epoch"), ts));
        Assert.Equal(30.000123, (double)F("date_part", T("second"), ts)!, 9);
        Assert.Equal(new DateTime(2023, 11, 14, 22, 13, 20, DateTimeKind.Utc).AddTicks(5_000_000), F("to_timestamp", F8(1700000000.5)));
        Assert.Equal("22023", Assert.Throws<ExecutionException>(() => Expr.Function("date_trunc", T("fortnight"), ts)).SqlState);
    }

    /// <summary>
    /// PostgreSQL 15 on infinite timestamps: date_part's growing fields are ±Infinity (also in the epoch vector loop),
    /// the others NULL; EXTRACT's would be numeric Infinity, which VND's decimal numeric cannot hold: 0A000, not a number.
    /// </summary>
    [Fact]
    public void Date_parts_of_infinite_timestamps()
    {
        var t = new DateTime(2024, 5, 17, 13, 45, 30, DateTimeKind.Utc);
        Assert.Equal(
            [double.PositiveInfinity, (t - DateTime.UnixEpoch).Ticks / 1e7, null, double.NegativeInfinity],
            Column(Expr.Function("date_part", T("epoch"), Expr.Column(0, SqlType.Timestamp)),
                [Vnd.Executor.Vectors.TemporalInfinity.Plus, t, null, Vnd.Executor.Vectors.TemporalInfinity.Minus], SqlType.Timestamp));
        var infinity = C(Vnd.Executor.Vectors.TemporalInfinity.Plus, SqlType.TimestampTz);
        Assert.Equal(double.PositiveInfinity, F("date_part", T("millennium"), infinity));
        Assert.Null(F("date_part", T("dow"), infinity));
        Assert.Null(F("extract", T("minute"), infinity));
        Assert.Equal("0A000", Fails(Expr.Function("extract", T("year"), infinity)).SqlState);
        Assert.Equal(Vnd.Executor.Vectors.TemporalInfinity.Plus, F("date_trunc", T("week"), infinity));
    }

    [Fact]
    public void Unknown_functions_are_42883()
    {
        Assert.Equal("42883", Assert.Throws<ExecutionException>(() => Expr.Function("frobnicate", I4(1))).SqlState);
    }
}
