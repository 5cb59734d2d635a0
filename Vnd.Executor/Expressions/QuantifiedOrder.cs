using System.Text;
using Vnd.Executor.Vectors;

namespace Vnd.Executor.Expressions;

/// <summary>
/// PostgreSQL's ordering of two boxed values of one type (as <see cref="VectorValues.Get"/> boxes them), for the
/// row-at-a-time comparisons of a quantified subquery (x &gt; ALL (SELECT …)). The binder admits only the types
/// listed here: text compares by its UTF-8 bytes (the C collation, as VND's text comparisons do), float8 puts NaN
/// above every number, intervals and inet use their PostgreSQL orderings.
/// </summary>
internal static class QuantifiedOrder
{
    public static int Compare(object left, object right) => (left, right) switch
    {
        (double a, double b) => FloatOrder.Compare(a, b),
        (string a, string b) => CompareText(a, b),
        (byte[] a, byte[] b) => a.AsSpan().SequenceCompareTo(b),
        (PgInterval a, PgInterval b) => a.CompareTo(b),
        (InetValue a, InetValue b) => a.CompareTo(b),
        (IComparable a, _) when a.GetType() == right.GetType() => a.CompareTo(right),
        _ => throw new ExecutionException("42883", $"cannot compare {left.GetType().Name} with {right.GetType().Name}"),
    };

    private static int CompareText(string a, string b)
    {
        var ordinal = string.CompareOrdinal(a, b);
        // UTF-16 order equals UTF-8 byte order unless a surrogate meets a character from U+E000 up.
        return ordinal == 0 || (!HasSurrogate(a) && !HasSurrogate(b)) ? ordinal
            : Encoding.UTF8.GetBytes(a).AsSpan().SequenceCompareTo(Encoding.UTF8.GetBytes(b));
    }

    private static bool HasSurrogate(string s)
    {
        foreach (var c in s)
        {
            if (char.IsSurrogate(c))
                return true;
        }
        return false;
    }
}
