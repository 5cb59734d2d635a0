using System.Net;
using System.Text;
using Vnd.Engine.Sessions;
using Vnd.Wire.Types;

namespace Vnd.Engine.Tests.Sessions;

/// <summary>The digit-by-digit formatters print exactly what the general PgTextFormat functions print.</summary>
public sealed class WireTextFormatTests
{
    [Fact]
    public void Timestamps_across_the_whole_range_print_like_PgTextFormat()
    {
        var random = new Random(4);
        var expected = new byte[PgTextFormat.MaxScalarLength];
        var actual = new byte[PgTextFormat.MaxScalarLength];
        for (var i = 0; i < 100_000; i++)
        {
            var ticks = random.NextInt64(DateTime.MinValue.Ticks, DateTime.MaxValue.Ticks) / 10 * 10;
            // Every fourth value loses its fraction's low digits, so trailing-zero trimming is covered too.
            if (i % 4 == 0)
                ticks -= ticks % (random.Next(2) == 0 ? TimeSpan.TicksPerSecond : TimeSpan.TicksPerMillisecond * 10);
            var e = PgTextFormat.Timestamp(new DateTime(ticks), expected);
            var a = WireTextFormat.Timestamp(ticks, actual);
            Assert.Equal(Encoding.ASCII.GetString(expected, 0, e), Encoding.ASCII.GetString(actual, 0, a));
        }
    }

    [Theory]
    [InlineData(-PgEpoch.Ticks / 10 - 1)]
    [InlineData((3_155_378_975_999_999_999L - PgEpoch.Ticks) / 10 + 1)]
    public void Microseconds_outside_dotnet_years_are_22008(long microseconds)
    {
        var error = Assert.Throws<Vnd.Wire.Errors.PgErrorException>(() => WireTextFormat.LocalTicks(microseconds, 0));
        Assert.Equal("22008", error.SqlState);
    }

    [Fact]
    public void Ipv4_addresses_and_prefixes_print_like_inet_out()
    {
        var random = new Random(5);
        var expected = new byte[PgTextFormat.MaxScalarLength];
        var actual = new byte[PgTextFormat.MaxScalarLength];
        for (var i = 0; i < 10_000; i++)
        {
            var address = (uint)random.NextInt64(0, 1L << 32);
            var prefix = (byte)(i % 3 == 0 ? random.Next(33) : 32);
            var cidr = i % 5 == 0;
            var e = PgTextFormat.Inet(new IPAddress(System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(address)), prefix, cidr, expected);
            var a = WireTextFormat.Inet4(address, prefix, cidr, actual);
            Assert.Equal(Encoding.ASCII.GetString(expected, 0, e), Encoding.ASCII.GetString(actual, 0, a));
        }
    }
}
