using System.Net;
using Vnd.Wire.Handlers;
using Vnd.Wire.Results;
using Vnd.Wire.Types;

namespace Vnd.Wire.Tests.Fixture;

/// <summary>One row holding a value of every supported type (the values the tests expect back).</summary>
public sealed class TypesResult : PgRowsResult
{
    public static readonly DateTime Timestamp = new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Utc).AddTicks(1234560);
    public static readonly byte[] Mac = [0x08, 0x00, 0x2b, 0x01, 0x02, 0x03];

    public static PgRowDescription Description { get; } = new RowDescriptionBuilder()
        .Add("b", PgTypeOid.Bool).Add("i2", PgTypeOid.Int2).Add("i4", PgTypeOid.Int4).Add("i8", PgTypeOid.Int8)
        .Add("f4", PgTypeOid.Float4).Add("f8", PgTypeOid.Float8).Add("num", PgTypeOid.Numeric).Add("t", PgTypeOid.Text)
        .Add("vc", PgTypeOid.Varchar).Add("nm", PgTypeOid.Name).Add("ch", PgTypeOid.Char).Add("by", PgTypeOid.Bytea)
        .Add("o", PgTypeOid.Oid).Add("d", PgTypeOid.Date).Add("ts", PgTypeOid.Timestamp).Add("tstz", PgTypeOid.TimestampTz)
        .Add("iv", PgTypeOid.Interval).Add("ip", PgTypeOid.Inet).Add("net", PgTypeOid.Cidr).Add("ip6", PgTypeOid.Inet)
        .Add("mac", PgTypeOid.MacAddr).Add("ia", PgTypeOid.Int4Array).Add("ta", PgTypeOid.TextArray)
        .Add("la", PgTypeOid.Int8Array).Add("fa", PgTypeOid.Float8Array).Add("ba", PgTypeOid.BoolArray)
        .Add("nul", PgTypeOid.Text)
        .Build();

    /// <summary>The same row as PostgreSQL 16 prints it in text format.</summary>
    public static readonly string?[] ExpectedText =
    [
        "t", "-12", "123456", "9007199254740993", "1.5", "0.1", "12345.6789", "héllo, wörld", "v", "pg_catalog", "x",
        "\\xdeadbeef", "2205", "2024-01-02", "2024-01-02 03:04:05.123456", "2024-01-02 03:04:05.123456+00", "1 day 02:00:00",
        "10.0.0.1", "10.0.0.0/24", "2001:db8::1/64", "08:00:2b:01:02:03", "{1,2,3}", "{\"a b\",x,NULL,\"say \\\"hi\\\"\",\"\"}",
        "{-1,9007199254740993}", "{1.5,-0.25}", "{t,f}", null,
    ];

    public override PgRowDescription Columns => Description;

    public override ValueTask<bool> WriteRowsAsync(DataRowWriter writer, int maxRows, CancellationToken cancellationToken)
    {
        writer.BeginRow();
        writer.WriteBool(true);
        writer.WriteInt16(-12);
        writer.WriteInt32(123456);
        writer.WriteInt64(9007199254740993);
        writer.WriteFloat4(1.5f);
        writer.WriteFloat8(0.1);
        writer.WriteNumeric(12345.6789m);
        writer.WriteText("héllo, wörld");
        writer.WriteText("v");
        writer.WriteText("pg_catalog");
        writer.WriteChar((byte)'x');
        writer.WriteBytea([0xde, 0xad, 0xbe, 0xef]);
        writer.WriteOid(2205);
        writer.WriteDate(new DateOnly(2024, 1, 2));
        writer.WriteTimestamp(DateTime.SpecifyKind(Timestamp, DateTimeKind.Unspecified));
        writer.WriteTimestampTz(Timestamp);
        writer.WriteInterval(new TimeSpan(1, 2, 0, 0));
        writer.WriteInet(IPAddress.Parse("10.0.0.1"), 32);
        writer.WriteInet(IPAddress.Parse("10.0.0.0"), 24);
        writer.WriteInet(IPAddress.Parse("2001:db8::1"), 64);
        writer.WriteMacAddr(Mac);
        writer.BeginArray();
        writer.WriteInt32(1);
        writer.WriteInt32(2);
        writer.WriteInt32(3);
        writer.EndArray();
        writer.BeginArray();
        writer.WriteText("a b");
        writer.WriteText("x");
        writer.WriteNull();
        writer.WriteText("say \"hi\"");
        writer.WriteText("");
        writer.EndArray();
        writer.BeginArray();
        writer.WriteInt64(-1);
        writer.WriteInt64(9007199254740993);
        writer.EndArray();
        writer.BeginArray();
        writer.WriteFloat8(1.5);
        writer.WriteFloat8(-0.25);
        writer.EndArray();
        writer.BeginArray();
        writer.WriteBool(true);
        writer.WriteBool(false);
        writer.EndArray();
        writer.WriteNull();
        writer.EndRow();
        return ValueTask.FromResult(false);
    }
}

/// <summary>Edge values: float specials, negative numeric and interval, empty array, infinite timestamp.</summary>
public sealed class SpecialsResult : PgRowsResult
{
    public static PgRowDescription Description { get; } = new RowDescriptionBuilder()
        .Add("inf", PgTypeOid.Float8).Add("ninf", PgTypeOid.Float8).Add("nan", PgTypeOid.Float4).Add("big", PgTypeOid.Float8)
        .Add("tiny", PgTypeOid.Float8).Add("num", PgTypeOid.Numeric).Add("iv", PgTypeOid.Interval).Add("iv2", PgTypeOid.Interval)
        .Add("empty", PgTypeOid.Int4Array).Add("tsinf", PgTypeOid.TimestampTz).Add("zero", PgTypeOid.Interval)
        .Build();

    public static readonly string[] ExpectedText =
    [
        "Infinity", "-Infinity", "NaN", "1e+100", "1e-05", "-0.50", "-1 days +02:00:00", "1 year 2 mons 3 days 04:05:06.5",
        "{}", "infinity", "00:00:00",
    ];

    public override PgRowDescription Columns => Description;

    public override ValueTask<bool> WriteRowsAsync(DataRowWriter writer, int maxRows, CancellationToken cancellationToken)
    {
        writer.BeginRow();
        writer.WriteFloat8(double.PositiveInfinity);
        writer.WriteFloat8(double.NegativeInfinity);
        writer.WriteFloat4(float.NaN);
        writer.WriteFloat8(1e100);
        writer.WriteFloat8(1e-5);
        writer.WriteNumeric(-0.50m);
        writer.WriteInterval(new PgInterval(0, -1, 2 * 3_600_000_000L));
        writer.WriteInterval(new PgInterval(14, 3, (4 * 3_600_000_000L) + (5 * 60_000_000L) + 6_500_000L));
        writer.BeginArray();
        writer.EndArray();
        writer.WriteTimestampTz(PgEpoch.Infinity);
        writer.WriteInterval(default(PgInterval));
        writer.EndRow();
        return ValueTask.FromResult(false);
    }
}

/// <summary>Rows 1..n of one int4 column, written in the slices Execute asks for.</summary>
public sealed class SeriesResult(int count) : PgRowsResult
{
    private int _next = 1;

    public static PgRowDescription Description { get; } = new RowDescriptionBuilder().Add("n", PgTypeOid.Int4).Build();

    public override PgRowDescription Columns => Description;

    public override ValueTask<bool> WriteRowsAsync(DataRowWriter writer, int maxRows, CancellationToken cancellationToken)
    {
        for (var i = 0; i < maxRows && _next <= count; i++)
        {
            writer.BeginRow();
            writer.WriteInt32(_next++);
            writer.EndRow();
        }

        return ValueTask.FromResult(_next <= count);
    }
}

/// <summary>Never finishes on its own: waits until cancelled (CancelRequest or command timeout).</summary>
public sealed class SleepResult : PgRowsResult
{
    public static PgRowDescription Description { get; } = new RowDescriptionBuilder().Add("slept", PgTypeOid.Bool).Build();

    public override PgRowDescription Columns => Description;

    public override async ValueTask<bool> WriteRowsAsync(DataRowWriter writer, int maxRows, CancellationToken cancellationToken)
    {
        await Task.Delay(TimeSpan.FromSeconds(60), cancellationToken);
        return false;
    }
}

/// <summary>Echoes bound parameters, decoding each by its type and re-encoding it in the requested format.</summary>
public sealed class EchoResult(PgRowDescription columns, PgParameters parameters) : PgRowsResult
{
    public override PgRowDescription Columns => columns;

    public override ValueTask<bool> WriteRowsAsync(DataRowWriter writer, int maxRows, CancellationToken cancellationToken)
    {
        writer.BeginRow();
        for (var i = 0; i < parameters.Count; i++)
        {
            if (parameters.IsNull(i))
            {
                writer.WriteNull();
                continue;
            }

            switch (parameters.Types[i])
            {
                case PgTypeOid.Bool: writer.WriteBool(parameters.GetBoolean(i)); break;
                case PgTypeOid.Int2 or PgTypeOid.Int4 or PgTypeOid.Int8 or PgTypeOid.Oid: writer.WriteInt64(parameters.GetInt64(i)); break;
                case PgTypeOid.Float4 or PgTypeOid.Float8: writer.WriteFloat8(parameters.GetDouble(i)); break;
                case PgTypeOid.Numeric: writer.WriteNumeric(parameters.GetDecimal(i)); break;
                case PgTypeOid.Bytea: writer.WriteBytea(parameters.GetBytes(i)); break;
                case PgTypeOid.Date: writer.WriteDate(parameters.GetDate(i)); break;
                case PgTypeOid.Timestamp: writer.WriteTimestamp(parameters.GetTimestampMicroseconds(i)); break;
                case PgTypeOid.TimestampTz: writer.WriteTimestampTz(parameters.GetTimestampMicroseconds(i)); break;
                case PgTypeOid.Interval: writer.WriteInterval(parameters.GetInterval(i)); break;
                case PgTypeOid.Inet or PgTypeOid.Cidr:
                    var (address, prefix) = parameters.GetInet(i);
                    writer.WriteInet(address, prefix);
                    break;
                default: writer.WriteText(parameters.GetString(i)); break;
            }
        }

        writer.EndRow();
        return ValueTask.FromResult(false);
    }
}
