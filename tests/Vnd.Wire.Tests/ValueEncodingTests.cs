using System.Text;
using Vnd.Wire.Types;

namespace Vnd.Wire.Tests;

/// <summary>Text and binary encoders against values printed/sent by PostgreSQL 15/16.</summary>
public sealed class ValueEncodingTests
{
    private static string Text(Func<byte[], int> format)
    {
        var buffer = new byte[128];
        return Encoding.UTF8.GetString(buffer, 0, format(buffer));
    }

    [Theory]
    [InlineData(0.1, "0.1")]
    [InlineData(1e15, "1e+15")]
    [InlineData(123456789012345.0, "123456789012345")]
    [InlineData(1.0 / 3, "0.3333333333333333")]
    [InlineData(-0.0, "-0")]
    [InlineData(5e-324, "5e-324")]
    [InlineData(1.7976931348623157e308, "1.7976931348623157e+308")]
    [InlineData(0.0001, "0.0001")]
    [InlineData(0.00001234, "1.234e-05")]
    [InlineData(100000000000000.0, "100000000000000")]
    [InlineData(-2.5, "-2.5")]
    [InlineData(1e22, "1e+22")]
    [InlineData(123.456, "123.456")]
    public void Float8_text_is_shortest_round_trip_like_postgres(double value, string expected) =>
        Assert.Equal(expected, Text(b => PgTextFormat.Float8(value, b)));

    [Theory]
    [InlineData(0.1f, "0.1")]
    [InlineData(1e6f, "1e+06")]
    [InlineData(1500000f, "1.5e+06")]
    [InlineData(-1234567f, "-1.234567e+06")]
    [InlineData(123456f, "123456")]
    [InlineData(1e7f, "1e+07")]
    [InlineData(3.4028235e38f, "3.4028235e+38")]
    public void Float4_text_matches_postgres(float value, string expected) =>
        Assert.Equal(expected, Text(b => PgTextFormat.Float4(value, b)));

    [Theory]
    [InlineData(0, 0, 0L, "00:00:00")]
    [InlineData(0, -1, 7_200_000_000L, "-1 days +02:00:00")]
    [InlineData(0, 0, -5_400_000_000L, "-01:30:00")]
    [InlineData(1, 0, 0L, "1 mon")]
    [InlineData(12, 0, 0L, "1 year")]
    [InlineData(-14, 0, 0L, "-1 years -2 mons")]
    [InlineData(0, 3, -1_000_000L, "3 days -00:00:01")]
    [InlineData(0, 0, 90_000_000_000L, "25:00:00")]
    [InlineData(0, 1, 1L, "1 day 00:00:00.000001")]
    public void Interval_text_follows_postgres_style(int months, int days, long micros, string expected) =>
        Assert.Equal(expected, Text(b => PgIntervalText.Format(new PgInterval(months, days, micros), b)));

    [Theory]
    [InlineData("12345.6789", "0003 0001 0000 0004 0001 0929 1a85")]
    [InlineData("0.0001", "0001 ffff 0000 0004 0001")]
    [InlineData("100000", "0001 0001 0000 0000 000a")]
    [InlineData("-0.5", "0001 ffff 4000 0001 1388")]
    [InlineData("0", "0000 0000 0000 0000")]
    [InlineData("0.00", "0000 0000 0000 0002")]
    [InlineData("79228162514264337593543950335", "0008 0007 0000 0000 0007 240c 0659 0592 10f1 172f 112b 014f")]
    public void Numeric_binary_matches_postgres_send(string value, string hex)
    {
        var number = decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
        var buffer = new byte[PgNumeric.MaxBinaryLength];
        var written = PgNumeric.WriteBinary(number, buffer);
        Assert.Equal(hex.Replace(" ", "", StringComparison.Ordinal), Convert.ToHexStringLower(buffer, 0, written));
        Assert.Equal(number, PgNumeric.ReadBinary(buffer.AsSpan(0, written)));
    }

    [Fact]
    public void Numeric_binary_nan_is_a_clean_error()
    {
        var error = Assert.Throws<Errors.PgErrorException>(() => PgNumeric.ReadBinary([0, 0, 0, 0, 0xC0, 0, 0, 0]));
        Assert.Equal("22003", error.SqlState);
        Assert.Equal("22P03", Assert.Throws<Errors.PgErrorException>(() => PgNumeric.ReadBinary([0, 5, 0, 0])).SqlState);
    }

    [Theory]
    [InlineData(0, "+00")]
    [InlineData(19800, "+05:30")]
    [InlineData(-28800, "-08")]
    [InlineData(-3723, "-01:02:03")]
    public void Time_zone_offsets_print_like_postgres(int seconds, string expected) =>
        Assert.Equal(expected, Text(b => PgTextFormat.Offset(TimeSpan.FromSeconds(seconds), b)));

    [Fact]
    public void Timestamptz_text_uses_the_session_zone()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Kolkata");
        var utc = new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Utc).AddTicks(5000000);
        Assert.Equal("2024-01-02 08:34:05.5+05:30", Text(b => PgTextFormat.TimestampTz(utc, zone, b)));
    }

    [Theory]
    [InlineData("00:00:00", 0, 0, 0L)]
    [InlineData("-1 days +02:00:00", 0, -1, 7_200_000_000L)]
    [InlineData("1 year 2 mons 3 days 04:05:06.5", 14, 3, 14_706_500_000L)]
    [InlineData("-01:30:00", 0, 0, -5_400_000_000L)]
    [InlineData("3 hours 20 minutes", 0, 0, 12_000_000_000L)]
    [InlineData("1 day 00:00:00.000001", 0, 1, 1L)]
    public void Interval_text_parses_postgres_output_back(string text, int months, int days, long micros)
    {
        Assert.True(PgIntervalParser.TryParse(text, out var value));
        Assert.Equal(new PgInterval(months, days, micros), value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("1 fortnight")]
    [InlineData("1:2:3:4")]
    [InlineData("5")]
    [InlineData("00:00:79228162514264337593543950335")]
    [InlineData("1:99999999999999999999")]
    public void Interval_text_rejects_garbage(string text) => Assert.False(PgIntervalParser.TryParse(text, out _));
}
