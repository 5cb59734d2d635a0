using System.Buffers.Binary;
using System.Globalization;
using Vnd.Wire.Errors;

namespace Vnd.Wire.Types;

/// <summary>
/// numeric's binary form: int16 ndigits, int16 weight (base-10000 exponent of the first digit), int16 sign
/// (0x0000 +, 0x4000 −, 0xC000 NaN, 0xD000 +Inf, 0xF000 −Inf), int16 dscale (decimal digits after the point),
/// then ndigits int16 base-10000 digits without leading or trailing zero digits.
/// </summary>
public static class PgNumeric
{
    /// <summary>decimal has at most 29 significant digits: ≤ 9 base-10000 digits, 8 header bytes.</summary>
    public const int MaxBinaryLength = 8 + (2 * 10);

    private const short Positive = 0x0000;
    private const short Negative = 0x4000;

    public static int WriteBinary(decimal value, Span<byte> destination)
    {
        Span<char> text = stackalloc char[48];
        value.TryFormat(text, out var length, default, CultureInfo.InvariantCulture);
        text = text[..length];
        var sign = Positive;
        if (text[0] == '-')
        {
            sign = Negative;
            text = text[1..];
        }

        var point = text.IndexOf('.');
        var integer = point < 0 ? text : text[..point];
        var fraction = point < 0 ? [] : text[(point + 1)..];
        integer = integer.TrimStart('0');
        var integerGroups = (integer.Length + 3) / 4;
        var fractionGroups = (fraction.Length + 3) / 4;
        Span<short> digits = stackalloc short[integerGroups + fractionGroups];
        var lead = (integerGroups * 4) - integer.Length;
        for (var i = 0; i < integer.Length; i++)
        {
            var position = lead + i;
            digits[position / 4] = (short)((digits[position / 4] * 10) + (integer[i] - '0'));
        }

        for (var i = 0; i < fractionGroups * 4; i++)
        {
            var d = i < fraction.Length ? fraction[i] - '0' : 0;
            var group = integerGroups + (i / 4);
            digits[group] = (short)((digits[group] * 10) + d);
        }

        var weight = integerGroups - 1;
        var start = 0;
        while (start < digits.Length && digits[start] == 0)
        {
            start++;
            weight--;
        }

        var end = digits.Length;
        while (end > start && digits[end - 1] == 0)
        {
            end--;
        }

        if (start == end)
        {
            weight = 0;
            sign = Positive;
        }

        BinaryPrimitives.WriteInt16BigEndian(destination, (short)(end - start));
        BinaryPrimitives.WriteInt16BigEndian(destination[2..], (short)weight);
        BinaryPrimitives.WriteInt16BigEndian(destination[4..], sign);
        BinaryPrimitives.WriteInt16BigEndian(destination[6..], (short)fraction.Length);
        for (var i = start; i < end; i++)
        {
            BinaryPrimitives.WriteInt16BigEndian(destination[(8 + (2 * (i - start)))..], digits[i]);
        }

        return 8 + (2 * (end - start));
    }

    /// <summary>Decodes binary numeric into decimal; NaN, infinities and values beyond decimal are errors.</summary>
    public static decimal ReadBinary(ReadOnlySpan<byte> source)
    {
        if (source.Length < 8)
        {
            throw BadBinary();
        }

        var count = BinaryPrimitives.ReadInt16BigEndian(source);
        var weight = BinaryPrimitives.ReadInt16BigEndian(source[2..]);
        var sign = BinaryPrimitives.ReadInt16BigEndian(source[4..]);
        var scale = BinaryPrimitives.ReadInt16BigEndian(source[6..]);
        if (count < 0 || source.Length != 8 + (2 * count) || scale < 0)
        {
            throw BadBinary();
        }

        if (sign is not (Positive or Negative))
        {
            throw new PgErrorException(SqlState.NumericValueOutOfRange, "numeric NaN or infinity cannot be converted");
        }

        decimal value = 0;
        try
        {
            for (var i = 0; i < count; i++)
            {
                var digit = BinaryPrimitives.ReadInt16BigEndian(source[(8 + (2 * i))..]);
                if (digit is < 0 or > 9999)
                {
                    throw BadBinary();
                }

                var exponent = weight - i;
                value += exponent >= 0 ? digit * Pow10000(exponent) : digit / Pow10000(-exponent);
            }

            value = Math.Round(value, Math.Min((int)scale, 28));
        }
        catch (OverflowException)
        {
            throw new PgErrorException(SqlState.NumericValueOutOfRange, "numeric value out of range");
        }

        return sign == Negative ? -value : value;
    }

    private static decimal Pow10000(int exponent)
    {
        if (exponent > 7)
        {
            throw new OverflowException();
        }

        decimal result = 1;
        for (var i = 0; i < exponent; i++)
        {
            result *= 10000;
        }

        return result;
    }

    private static PgErrorException BadBinary() =>
        new(SqlState.InvalidBinaryRepresentation, "invalid binary data format for type numeric");
}
