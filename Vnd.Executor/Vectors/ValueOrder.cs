namespace Vnd.Executor.Vectors;

/// <summary>How min/max and greatest/least compare values of one layout; a struct type argument, so it inlines.</summary>
public interface IValueOrder<T>
{
    static abstract int Compare(T a, T b);
}

/// <summary>The layout's own ordering (PostgreSQL's orderings of intervals and inet live in PgInterval and InetValue).</summary>
public readonly struct NaturalOrder<T> : IValueOrder<T> where T : IComparable<T>
{
    public static int Compare(T a, T b) => a.CompareTo(b);
}

/// <summary>PostgreSQL's float8 ordering: NaN equals NaN and is greater than every other value (.NET puts it first).</summary>
public readonly struct FloatOrder : IValueOrder<double>
{
    public static int Compare(double a, double b) =>
        double.IsNaN(a) ? (double.IsNaN(b) ? 0 : 1) : double.IsNaN(b) ? -1 : a.CompareTo(b);
}
