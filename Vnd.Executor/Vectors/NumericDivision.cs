using System.Numerics;

namespace Vnd.Executor.Vectors;

/// <summary>
/// PostgreSQL's numeric division result scale (numeric.c select_div_scale): at least 16 significant digits, at
/// least the operands' display scales, digits counted in base 10000 as PostgreSQL stores them. numeric / numeric,
/// avg over integers and numerics, and the numeric variances print their quotients with this many fraction digits
/// (5::numeric / 3 is 1.6666666666666667, 1::numeric / 7 is 0.14285714285714285714, 10::numeric / 4 is
/// 2.5000000000000000), rounded half away from zero. VND's numeric is .NET decimal (28–29 significant digits),
/// so a scale beyond what the quotient's integer digits leave room for is cut to fit.
/// </summary>
public static class NumericDivision
{
    private const int MinSignificantDigits = 16;
    private const int MaxScale = 28;

    /// <summary>a / b at PostgreSQL's scale; b must not be zero (the caller raises 22012).</summary>
    public static decimal Divide(decimal a, decimal b)
    {
        var scale = Scale(Leading(Magnitude(a), a.Scale), a.Scale, Leading(Magnitude(b), b.Scale), b.Scale);
        return Rounded(a / b, scale);
    }

    /// <summary>The result scale of dividing x (unscaled, at scale sx) by y (at sy).</summary>
    public static int Scale(BigInteger x, int sx, BigInteger y, int sy) => Scale(Leading(x, sx), sx, Leading(y, sy), sy);

    private static int Scale((int Weight, int First) x, int sx, (int Weight, int First) y, int sy)
    {
        var (weight1, first1) = x;
        var (weight2, first2) = y;
        var quotientWeight = weight1 - weight2;
        if (first1 <= first2)
            quotientWeight--;
        return Math.Max(Math.Max(MinSignificantDigits - (quotientWeight * 4), Math.Max(sx, sy)), 0);
    }

    /// <summary>A quotient rounded half away from zero to <paramref name="scale"/> digits and shown with all of them.</summary>
    public static decimal Rounded(decimal value, int scale)
    {
        var fits = Math.Min(scale, MaxScale);
        var rounded = Math.Round(value, fits, MidpointRounding.AwayFromZero);
        return WithScale(rounded, fits);
    }

    /// <summary>value at exactly <paramref name="scale"/> fraction digits (trailing zeros added), or as many as decimal holds.</summary>
    public static decimal WithScale(decimal value, int scale)
    {
        if (value.Scale >= scale)
            return value;
        // Multiplying by 1.00…0 (k zeros) adds k to the scale and keeps the digits; where the digits would pass
        // 96 bits decimal rounds the scale back down, which is as many as it can show.
        if (value == 0)
            return new decimal(0, 0, 0, false, (byte)Math.Min(scale, MaxScale)); // decimal's product of zeros drops the scale
        var k = Math.Min(scale, MaxScale) - value.Scale;
        var digits = UInt128Pow10(k);
        var one = new decimal((int)(uint)digits, (int)(uint)(digits >> 32), (int)(uint)(digits >> 64), false, (byte)k);
        return value * one;
    }

    /// <summary>unscaled × 10^-scale as a decimal, dropping fraction digits (rounding) until it fits 96 bits.</summary>
    public static decimal FromUnscaled(BigInteger unscaled, int scale)
    {
        var negative = unscaled.Sign < 0;
        var magnitude = BigInteger.Abs(unscaled);
        var limit = BigInteger.One << 96;
        while (scale > MaxScale || (magnitude >= limit && scale > 0))
        {
            magnitude = (magnitude + 5) / 10;
            scale--;
        }
        if (magnitude >= limit)
            throw new OverflowException();
        var bytes = magnitude.ToByteArray(isUnsigned: true);
        Span<byte> words = stackalloc byte[12];
        words.Clear();
        bytes.AsSpan(0, Math.Min(bytes.Length, 12)).CopyTo(words);
        return new decimal(BitConverter.ToInt32(words), BitConverter.ToInt32(words[4..]), BitConverter.ToInt32(words[8..]), negative, (byte)scale);
    }

    /// <summary>A decimal's 96-bit integer with its sign (value = unscaled × 10^-Scale).</summary>
    public static BigInteger Unscaled(decimal value)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        var magnitude = ((BigInteger)(uint)bits[2] << 64) | ((BigInteger)(uint)bits[1] << 32) | (uint)bits[0];
        return value < 0 ? -magnitude : magnitude;
    }

    /// <summary>Weight and value of the leading base-10000 digit of unscaled × 10^-scale (0, 0 for zero).</summary>
    private static (int Weight, int First) Leading(BigInteger unscaled, int scale)
    {
        if (unscaled.IsZero)
            return (0, 0);
        var magnitude = BigInteger.Abs(unscaled);
        var digits = magnitude.ToString(System.Globalization.CultureInfo.InvariantCulture).Length;
        var (weight, shift) = Weight(digits, scale);
        var first = shift >= 0 ? magnitude / BigInteger.Pow(10, shift) : magnitude * BigInteger.Pow(10, -shift);
        return (weight, (int)first);
    }

    /// <summary>The same for a decimal's 96-bit magnitude, without allocating (numeric / numeric runs per row).</summary>
    private static (int Weight, int First) Leading(UInt128 magnitude, int scale)
    {
        if (magnitude == 0)
            return (0, 0);
        var digits = 1;
        for (var power = (UInt128)10; digits < 39 && magnitude >= power; power *= 10)
            digits++;
        var (weight, shift) = Weight(digits, scale);
        var first = shift >= 0 ? magnitude / UInt128Pow10(shift) : magnitude * UInt128Pow10(-shift);
        return (weight, (int)first);
    }

    /// <summary>Base-10000 weight of a number with this many digits at this scale, and the decimal shift to its leading digit.</summary>
    private static (int Weight, int Shift) Weight(int digits, int scale)
    {
        var exponent = digits - 1 - scale;
        var weight = exponent >= 0 ? exponent / 4 : -((-exponent + 3) / 4);
        return (weight, scale + (weight * 4));
    }

    private static UInt128 UInt128Pow10(int exponent)
    {
        UInt128 result = 1;
        for (var i = 0; i < exponent; i++)
            result *= 10;
        return result;
    }

    private static UInt128 Magnitude(decimal value)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        return ((UInt128)(uint)bits[2] << 64) | ((UInt128)(uint)bits[1] << 32) | (uint)bits[0];
    }
}
