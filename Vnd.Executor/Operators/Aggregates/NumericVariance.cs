using System.Numerics;
using Vnd.Executor.Vectors;

namespace Vnd.Executor.Operators.Aggregates;

/// <summary>
/// The finishing step of var_samp/var_pop/stddev_samp/stddev_pop over integers and numerics, as PostgreSQL's
/// numeric_stddev_internal does it: exact sums n, Σx, Σx² give (n·Σx² − (Σx)²) / (n·(n−1)) (or n·n for the
/// population), rounded to numeric division's scale; the standard deviation is the square root of that rounded
/// quotient at the same scale. Exact where a float8 running mean is not (var_pop of 40001, 40002, 40002 is
/// 0.22222222222222222222, not 0.22222222222262644).
/// </summary>
internal static class NumericVariance
{
    /// <summary>The statistic from sums at scales sumScale (Σx) and squareScale (Σx²); null below the count it needs.</summary>
    public static decimal? Finish(AggregateKind kind, long n, BigInteger sum, int sumScale, BigInteger squares, int squareScale)
    {
        var sample = kind is AggregateKind.VarSamp or AggregateKind.StddevSamp;
        if (n == 0 || (sample && n < 2))
            return null;
        // n·Σx² − (Σx)² at the larger of the two scales, as numeric subtraction keeps it.
        var scale = Math.Max(squareScale, 2 * sumScale);
        var numerator = (n * squares * BigInteger.Pow(10, scale - squareScale)) - (sum * sum * BigInteger.Pow(10, scale - (2 * sumScale)));
        if (numerator.Sign <= 0)
            return 0m; // PostgreSQL returns a plain zero here (scale 0), not 0.000…
        BigInteger denominator = sample ? (BigInteger)n * (n - 1) : (BigInteger)n * n;
        var resultScale = NumericDivision.Scale(numerator, scale, denominator, 0);
        // quotient = numerator / 10^scale / denominator at resultScale, rounded half away from zero.
        var quotient = RoundedDivide(numerator * BigInteger.Pow(10, resultScale), denominator * BigInteger.Pow(10, scale));
        if (kind is AggregateKind.StddevSamp or AggregateKind.StddevPop)
            quotient = RoundedSquareRoot(quotient * BigInteger.Pow(10, resultScale));
        return NumericDivision.FromUnscaled(quotient, resultScale);
    }

    private static BigInteger RoundedDivide(BigInteger dividend, BigInteger divisor)
    {
        var quotient = BigInteger.DivRem(dividend, divisor, out var remainder);
        return remainder * 2 >= divisor ? quotient + 1 : quotient;
    }

    /// <summary>round(√v) for v ≥ 0: Newton's iteration from the float estimate, then the nearest integer.</summary>
    private static BigInteger RoundedSquareRoot(BigInteger value)
    {
        if (value.IsZero)
            return value;
        var root = new BigInteger(Math.Sqrt((double)value));
        for (var i = 0; i < 100; i++)
        {
            var next = (root + (value / root)) >> 1;
            if (BigInteger.Abs(next - root) <= 1)
            {
                root = next;
                break;
            }
            root = next;
        }
        while (root * root > value)
            root--;
        while ((root + 1) * (root + 1) <= value)
            root++;
        // round: (root + ½)² = root² + root + ¼ ≤ value ⇔ value − root² > root.
        return value - (root * root) > root ? root + 1 : root;
    }
}
