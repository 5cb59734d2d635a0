namespace Vnd.Wire.Types;

/// <summary>
/// Lays out a shortest round-trip number the way PostgreSQL 12+ float4out/float8out do (Ryu output, the default
/// since extra_float_digits ≥ 1): plain notation for decimal exponents in [-4, digits), otherwise
/// <c>d.ddde±XX</c> with at least two exponent digits. .NET finds the same shortest digits but switches to
/// exponent form at other thresholds, so only its digits and exponent are reused.
/// </summary>
internal static class PgShortestDecimal
{
    /// <param name="shortest">.NET "R" output, e.g. "-1.25E+15", "0.0001", "123".</param>
    /// <param name="exponentFrom">15 for float8 (DBL_DIG), 6 for float4 (FLT_DIG).</param>
    public static int Layout(ReadOnlySpan<byte> shortest, int exponentFrom, Span<byte> destination)
    {
        var negative = shortest[0] == (byte)'-';
        if (negative)
        {
            shortest = shortest[1..];
        }

        var e = shortest.IndexOfAny((byte)'E', (byte)'e');
        var exponent = 0;
        if (e >= 0)
        {
            var skip = shortest[e + 1] == (byte)'+' ? 2 : 1;
            System.Buffers.Text.Utf8Parser.TryParse(shortest[(e + skip)..], out exponent, out _);
            shortest = shortest[..e];
        }

        Span<byte> digits = stackalloc byte[32];
        var count = 0;
        var point = shortest.IndexOf((byte)'.');
        var beforePoint = point < 0 ? shortest.Length : point;
        foreach (var b in shortest)
        {
            if (b != (byte)'.')
            {
                digits[count++] = b;
            }
        }

        var lead = 0;
        while (lead < count - 1 && digits[lead] == (byte)'0')
        {
            lead++;
        }

        digits = digits[lead..count];
        beforePoint -= lead;
        var length = digits.Length;
        while (length > 1 && digits[length - 1] == (byte)'0')
        {
            length--;
        }

        digits = digits[..length];
        var written = 0;
        if (negative)
        {
            destination[written++] = (byte)'-';
        }

        if (digits.Length == 1 && digits[0] == (byte)'0')
        {
            destination[written++] = (byte)'0';
            return written;
        }

        var decimalExponent = beforePoint - 1 + exponent;
        if (decimalExponent < -4 || decimalExponent >= exponentFrom)
        {
            destination[written++] = digits[0];
            if (digits.Length > 1)
            {
                destination[written++] = (byte)'.';
                digits[1..].CopyTo(destination[written..]);
                written += digits.Length - 1;
            }

            destination[written++] = (byte)'e';
            destination[written++] = decimalExponent < 0 ? (byte)'-' : (byte)'+';
            var magnitude = Math.Abs(decimalExponent);
            if (magnitude < 10)
            {
                destination[written++] = (byte)'0';
            }

            System.Buffers.Text.Utf8Formatter.TryFormat(magnitude, destination[written..], out var n);
            return written + n;
        }

        if (decimalExponent < 0)
        {
            destination[written++] = (byte)'0';
            destination[written++] = (byte)'.';
            for (var i = -1; i > decimalExponent; i--)
            {
                destination[written++] = (byte)'0';
            }

            digits.CopyTo(destination[written..]);
            return written + digits.Length;
        }

        for (var i = 0; i <= Math.Max(decimalExponent, digits.Length - 1); i++)
        {
            if (i == decimalExponent + 1)
            {
                destination[written++] = (byte)'.';
            }

            destination[written++] = i < digits.Length ? digits[i] : (byte)'0';
        }

        return written;
    }
}
