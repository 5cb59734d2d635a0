using System.Runtime.CompilerServices;

namespace Vnd.Capture.Sources;

/// <summary>
/// Converts pcapng timestamp ticks to nanoseconds for one interface's if_tsresol: 10^-e seconds (multiply or
/// divide by a power of ten) or 2^-e seconds (exact 128-bit arithmetic, truncating below a nanosecond).
/// </summary>
internal readonly struct TimestampScale
{
    private readonly long _multiplier;
    private readonly long _divisor;
    private readonly int _binaryExponent;

    private TimestampScale(long multiplier, long divisor, int binaryExponent)
    {
        _multiplier = multiplier;
        _divisor = divisor;
        _binaryExponent = binaryExponent;
    }

    /// <summary>pcapng's default: microseconds.</summary>
    public static TimestampScale Microseconds { get; } = new(1_000, 1, -1);

    /// <summary>True when one tick is finer than a microsecond.</summary>
    public bool IsFinerThanMicrosecond => _binaryExponent >= 0 ? _binaryExponent > 19 : _multiplier < 1_000;

    /// <summary>Scale for an if_tsresol byte: bit 7 clear = negative power of 10, set = negative power of 2.</summary>
    public static TimestampScale FromResolution(byte tsresol)
    {
        var exponent = tsresol & 0x7F;
        if ((tsresol & 0x80) != 0)
            return new TimestampScale(0, 1, exponent);
        if (exponent <= 9)
            return new TimestampScale(Pow10(9 - exponent), 1, -1);
        // Beyond 10^-18 s every 64-bit tick count is below a nanosecond.
        return exponent - 9 > 18 ? new TimestampScale(0, 1, -1) : new TimestampScale(1, Pow10(exponent - 9), -1);
    }

    /// <summary>Nanoseconds for <paramref name="ticks"/>; false when the value does not fit (saturated).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryToNanos(ulong ticks, out long nanos)
    {
        if (_binaryExponent < 0 && _divisor == 1)
        {
            if (ticks <= (ulong)(long.MaxValue / Math.Max(_multiplier, 1)))
            {
                nanos = (long)ticks * _multiplier;
                return true;
            }
            nanos = _multiplier == 0 ? 0 : long.MaxValue;
            return _multiplier == 0;
        }
        return TryToNanosSlow(ticks, out nanos);
    }

    private bool TryToNanosSlow(ulong ticks, out long nanos)
    {
        if (_binaryExponent < 0)
        {
            nanos = (long)(ticks / (ulong)_divisor);
            return true;
        }
        var exact = ((UInt128)ticks * 1_000_000_000u) >> _binaryExponent;
        if (exact > long.MaxValue)
        {
            nanos = long.MaxValue;
            return false;
        }
        nanos = (long)exact;
        return true;
    }

    private static long Pow10(int exponent)
    {
        long value = 1;
        for (var i = 0; i < exponent; i++)
            value *= 10;
        return value;
    }
}
