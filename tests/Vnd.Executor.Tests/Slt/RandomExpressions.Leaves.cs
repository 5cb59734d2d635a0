namespace Vnd.Executor.Tests.Slt;

/// <summary>Leaves (table n's columns and literals at the edges of each type), casts, and ill-typed expressions.</summary>
public sealed partial class RandomExpressions
{
    private static readonly string LongText = "'" + string.Concat(Enumerable.Repeat("abc xyz ", 40)) + "'";

    private static readonly string[] TimeFields =
        ["year", "month", "day", "hour", "minute", "second", "epoch", "dow", "isodow", "doy", "quarter", "week",
         "isoyear", "microseconds", "milliseconds", "decade", "century", "millennium"];

    private static readonly string[] IntervalFields =
        ["year", "month", "day", "hour", "minute", "second", "epoch", "microseconds", "milliseconds", "quarter", "decade", "century"];

    private static readonly string[] TruncUnits =
        ["microseconds", "milliseconds", "second", "minute", "hour", "day", "week", "month", "quarter", "year", "decade", "century", "millennium"];

    private static readonly string[] IntervalTruncUnits = ["second", "minute", "hour", "day", "month", "year", "decade"];

    private static readonly string[] Patterns =
        ["'%'", "'a%'", "'%a'", "'%a%'", "'_'", "'__'", "''", "'A%'", "'%\\%%'", "'a\\%b\\_c'", "'%b_c'", "'alpha'", "'%é%'", "'%日%'"];

    // Not generated, because VND does not read them yet (22007/22008 where PostgreSQL answers; open findings, not
    // documented limitations): ISO 8601 ('P1Y2M') and '@ … ago' intervals, the times 24:00:00 and 23:59:60. Nor
    // '0001-01-01', whose neighbours are BC dates VND does not hold (a documented range).
    private static readonly string[] DateStrings =
        ["'2024-02-29'", "'infinity'", "'-infinity'", "'2000-01-01'", "'1999-12-31'", "'0100-01-01'", "'2023-02-29'", "'epoch'", "'20240301'", "'20240230'"];

    private static readonly string[] InetStrings =
        ["'10.0.0.1'", "'192.168.1.0/24'", "'::1'", "'2001:db8::/32'", "'255.255.255.255'", "'0.0.0.0/0'", "'10.0.0.1/33'", "'::ffff:1.2.3.4'"];

    private string Leaf(ExprType type)
    {
        if (_columns && _random.Next(5) < 3)
        {
            return type switch
            {
                ExprType.I2 => "i2",
                ExprType.I4 => Pick(["i4", "id"]),
                ExprType.I8 => "i8",
                ExprType.F8 => "f8",
                ExprType.Num => "num",
                ExprType.Text => "s",
                ExprType.Bool => "b",
                ExprType.Date => "d",
                ExprType.Ts => "ts",
                ExprType.Tstz => "CAST(ts AS timestamptz)",
                ExprType.Iv => "iv",
                _ => "ip",
            };
        }
        if (_random.Next(12) == 0)
            return _random.Next(2) == 0 ? $"CAST(NULL AS {TypeName(type)})" : $"NULL::{TypeName(type)}";
        return Literal(type);
    }

    private string Literal(ExprType type) => type switch
    {
        ExprType.I2 => Pick(["CAST(1 AS int2)", "CAST(-32768 AS int2)", "32767::int2", "0::smallint", "CAST(-7 AS smallint)", "2::int2"]),
        ExprType.I4 => Pick(["0", "1", "7", "(-1)", "2147483647", "(-2147483648)", "-2147483648", "100", "3"]),
        // bigint's minimum as a cast: PostgreSQL types the literal -9223372036854775808 numeric, VND bigint (an open finding).
        ExprType.I8 => Pick(["9223372036854775807", "CAST('-9223372036854775808' AS int8)", "3000000000", "CAST(0 AS int8)", "(-5)::bigint", "1::int8"]),
        ExprType.F8 => Pick(["1.5::float8", "'1e300'::float8", "'-0'::float8", "'NaN'::float8", "'Infinity'::float8",
            "'-Infinity'::float8", "0.1::float8", "CAST(-2.5 AS double precision)", "0::float8", "'1e-300'::float8", "3::float8"]),
        // Not 1e-300::float8: the numeric literal passes through VND's 28-digit decimal, where it is 0.
        // Not a bare 0: PostgreSQL types it integer (then ceil(0) is ceil(float8)).
        ExprType.Num => Pick(["1.25", "0.001", "(-3.5)", "CAST(0 AS numeric)", "0.0", "12345678901234567890.123", "2.5", "(-0.5)", "1.005", "100.00"]),
        ExprType.Text => TextLiteral(),
        ExprType.Bool => Pick(["true", "false", "NULL::boolean"]),
        ExprType.Date => Pick(["'2024-01-01'::date", "'infinity'::date", "'-infinity'::date", "DATE '2000-02-29'", "'1999-12-31'::date", "'2024-03-31'::date"]),
        ExprType.Ts => Pick(["'2024-03-01 12:00:00'::timestamp", "'infinity'::timestamp", "'-infinity'::timestamp",
            "TIMESTAMP '2000-01-01 00:00:00.000001'", "'2024-01-31 23:59:59.999999'::timestamp", "'1970-01-01'::timestamp"]),
        ExprType.Tstz => Pick(["'2024-03-01 12:00:00+02'::timestamptz", "'infinity'::timestamptz", "'-infinity'::timestamptz",
            "TIMESTAMPTZ '1999-12-31 23:59:59.999999+00'", "'2024-03-31 00:30:00-05'::timestamptz"]),
        ExprType.Iv => Pick(["'1 day'::interval", "'-1 mons 3 days'::interval", "'00:00:00.000001'::interval", "INTERVAL '1 year 2 mons'",
            "'36 hours'::interval", "'-2 hours 30 minutes'::interval", "'0'::interval", "'1 mon'::interval", "'1.5 days'::interval"]),
        _ => Pick(["'10.0.0.1'::inet", "'192.168.1.0/24'::inet", "'::1'::inet", "'2001:db8::/32'::inet", "'255.255.255.255'::inet", "'0.0.0.0'::inet"]),
    };

    /// <summary>Text literals: typed as text or left unknown for PostgreSQL to resolve, as clients write them.</summary>
    private string TextLiteral()
    {
        var value = Pick(["'alpha'", "''", "' padded '", "'ÄÖü日本語'", "'a%b_c'", "'it''s'", "'Beta'", "'12'", "'-7'", "'1.5'",
            "'2024-01-01'", "'true'", "'a,b,,c'", "'ß'", LongText]);
        return _random.Next(2) == 0 ? value + "::text" : value;
    }

    private static string TypeName(ExprType type) => type switch
    {
        ExprType.I2 => "int2",
        ExprType.I4 => "int4",
        ExprType.I8 => "int8",
        ExprType.F8 => "float8",
        ExprType.Num => "numeric",
        ExprType.Text => "text",
        ExprType.Bool => "boolean",
        ExprType.Date => "date",
        ExprType.Ts => "timestamp",
        ExprType.Tstz => "timestamptz",
        ExprType.Iv => "interval",
        _ => "inet",
    };

    /// <summary>A cast to <paramref name="type"/> from a type PostgreSQL casts from (text input that may fail included).</summary>
    private string Cast(ExprType type, int depth)
    {
        // float8 → numeric is left out: 1e300 passes the 28 digits of VND's numeric (22003 where PostgreSQL answers).
        ExprType[] sources = type switch
        {
            ExprType.I2 or ExprType.I4 or ExprType.I8 => [ExprType.I2, ExprType.I4, ExprType.I8, ExprType.F8, ExprType.Num, ExprType.Text],
            ExprType.F8 => [ExprType.I2, ExprType.I4, ExprType.I8, ExprType.Num, ExprType.Text],
            ExprType.Num => [ExprType.I2, ExprType.I4, ExprType.I8, ExprType.Text],
            ExprType.Text => [AnyType()],
            ExprType.Bool => [ExprType.I4, ExprType.Text],
            ExprType.Date => [ExprType.Ts, ExprType.Tstz, ExprType.Text],
            ExprType.Ts => [ExprType.Date, ExprType.Tstz, ExprType.Text],
            ExprType.Tstz => [ExprType.Date, ExprType.Ts, ExprType.Text],
            _ => [ExprType.Text],
        };
        var source = Pick(sources);
        if (type == ExprType.I4 && _random.Next(8) == 0)
            source = ExprType.Bool;
        var operand = source == ExprType.Text && type != ExprType.Text && _random.Next(4) != 0 ? InputString(type) : Gen(source, depth);
        // No numeric(p,s): VND ignores numeric type modifiers (04_numeric_float.slt's skipif; a documented limitation).
        var name = TypeName(type);
        return _random.Next(2) == 0 ? $"CAST({operand} AS {name})" : $"({operand})::{name}";
    }

    /// <summary>Text a cast to <paramref name="type"/> reads: valid input, edges, and some PostgreSQL refuses.</summary>
    private string InputString(ExprType type) => type switch
    {
        ExprType.I2 => Pick(["'32767'", "'32768'", "' 12 '", "'-0'", "'1.5'", "'abc'"]),
        ExprType.I4 => Pick(["'2147483647'", "'2147483648'", "'  -5'", "'+7'", "''", "'1e3'"]),
        ExprType.I8 => Pick(["'9223372036854775807'", "'-9223372036854775809'", "'0'", "'12 3'"]),
        // Not '0x10' nor '1e-400' (PostgreSQL's strtod reads hexadecimal and refuses underflow; VND does neither: open findings).
        ExprType.F8 => Pick(["'1e307'", "'1e309'", "'NaN'", "'-inf'", "' 2.5 '", "'1e308'"]),
        // Not 'NaN': VND's numeric (a decimal) has no NaN (22P02 where PostgreSQL answers; a documented limitation).
        ExprType.Num => Pick(["'1.2300'", "'-0.000'", "'  7 '", "'1e5'", "'12a'", "'.5'"]),
        ExprType.Bool => Pick(["'t'", "'yes'", "'off'", "' TRUE '", "'1'", "'maybe'"]),
        ExprType.Date => Pick(DateStrings),
        ExprType.Ts => Pick(["'2024-02-29 12:00:00.123'", "'2024-03-01T12:34:56.789'", "'infinity'", "'2024-13-01'", "'epoch'", "'2024-03-01 12:00:00+05'",
            "'2024-03-01 12:00 Europe/Berlin'", "'20240301 12:00'"]),
        ExprType.Tstz => Pick(["'2024-03-01 12:00:00+05:30'", "'2024-03-01 12:00'", "'-infinity'", "'2024-03-01 25:00'", "'2024-03-01 12:00:00Z'",
            "'2024-03-01 12:00:00 UTC'", "'2024-07-01 12:00 Europe/Berlin'", "'2024-03-01 12:00 CET'", "'2024-03-01T12:00:00 +02'", "'2024-03-01 12:00 Mars/Olympus'"]),
        ExprType.Iv => Pick(["'1 day 2 hours'", "'-1 year -2 mons'", "'1.5 hours'", "'3 fortnights'", "'00:00:01.5'", "'1 week 2.5 days'"]),
        _ => Pick(InetStrings),
    };

    /// <summary>Expressions PostgreSQL rejects at bind time (42883 no operator/function, 42804 datatype mismatch, 42846 no cast).</summary>
    private string IllTyped(int depth) => _random.Next(10) switch
    {
        0 => $"({Gen(ExprType.Text, depth)}::text + {Gen(ExprType.I4, depth)})",
        1 => $"({Gen(ExprType.Bool, depth)} + 1)",
        2 => $"lower({Gen(ExprType.I4, depth)})",
        3 => $"({Gen(ExprType.Date, depth)} * 2)",
        4 => $"CASE WHEN {Gen(ExprType.I4, depth)} THEN 1 ELSE 0 END",
        5 => $"COALESCE({Gen(ExprType.I4, depth)}, {Gen(ExprType.Date, depth)})",
        6 => $"CAST({Gen(ExprType.Bool, depth)} AS date)",
        7 => $"(NOT {Gen(ExprType.I4, depth)})",
        8 => $"({Gen(ExprType.Ts, depth)} + {Gen(ExprType.Ts, depth)})",
        _ => $"substr({Gen(ExprType.Text, depth)}, {Gen(ExprType.Text, depth)}::text)",
    };
}
