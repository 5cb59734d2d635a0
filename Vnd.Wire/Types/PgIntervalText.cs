using System.Buffers;
using System.Buffers.Text;

namespace Vnd.Wire.Types;

/// <summary>
/// interval text in IntervalStyle 'postgres', following PostgreSQL's EncodeInterval: "1 year 2 mons 3 days
/// 04:05:06.5", "-1 days +02:00:00", "00:00:00" for zero. A field gets a '+' when the previous non-zero field was
/// negative; the time part is printed when non-zero or when everything else was zero.
/// </summary>
public static class PgIntervalText
{
    public const int MaxLength = 80;

    public static int Format(PgInterval value, Span<byte> destination)
    {
        var written = 0;
        var isZero = true;
        var isBefore = false;
        written += Part(value.Months / 12, "year"u8, ref isZero, ref isBefore, destination[written..]);
        written += Part(value.Months % 12, "mon"u8, ref isZero, ref isBefore, destination[written..]);
        written += Part(value.Days, "day"u8, ref isZero, ref isBefore, destination[written..]);
        var time = value.Microseconds;
        if (isZero || time != 0)
        {
            if (!isZero)
            {
                destination[written++] = (byte)' ';
            }

            if (time < 0)
            {
                destination[written++] = (byte)'-';
            }
            else if (isBefore)
            {
                destination[written++] = (byte)'+';
            }

            // |time| without overflow for long.MinValue: work on the unsigned magnitude.
            var magnitude = time < 0 ? (ulong)(-(time + 1)) + 1 : (ulong)time;
            var hours = magnitude / 3_600_000_000UL;
            Utf8Formatter.TryFormat(hours, destination[written..], out var n, new StandardFormat('D', 2));
            written += n;
            destination[written++] = (byte)':';
            written += PgTextFormat.TwoDigits((int)(magnitude / 60_000_000UL % 60), destination[written..]);
            destination[written++] = (byte)':';
            written += PgTextFormat.TwoDigits((int)(magnitude / 1_000_000UL % 60), destination[written..]);
            written += PgTextFormat.Fraction((long)(magnitude % 1_000_000UL), destination[written..]);
        }

        return written;
    }

    private static int Part(int value, ReadOnlySpan<byte> unit, ref bool isZero, ref bool isBefore, Span<byte> destination)
    {
        if (value == 0)
        {
            return 0;
        }

        var written = 0;
        if (!isZero)
        {
            destination[written++] = (byte)' ';
        }

        if (isBefore && value > 0)
        {
            destination[written++] = (byte)'+';
        }

        Utf8Formatter.TryFormat(value, destination[written..], out var n);
        written += n;
        destination[written++] = (byte)' ';
        unit.CopyTo(destination[written..]);
        written += unit.Length;
        if (value != 1)
        {
            destination[written++] = (byte)'s';
        }

        isBefore = value < 0;
        isZero = false;
        return written;
    }
}
