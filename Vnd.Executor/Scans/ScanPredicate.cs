using Apache.Arrow;
using Vnd.Executor.Expressions;
using Vnd.Executor.Vectors;
using Vnd.Planner.Types;

namespace Vnd.Executor.Scans;

/// <summary>
/// The conjuncts of a scan's filter that the scan tests on stored values itself (<see cref="ScanComparison"/>),
/// ANDed as bitmaps of one bit a row, from which the passing rows' offsets are read once. The planner keeps the remaining
/// conjuncts in a filter above the scan.
/// </summary>
public sealed class ScanPredicate
{
    private readonly ScanComparison[] _terms;

    public ScanPredicate(IReadOnlyList<ScanComparison> terms)
    {
        ArgumentOutOfRangeException.ThrowIfZero(terms.Count);
        _terms = [.. terms];
    }

    public IReadOnlyList<ScanComparison> Terms => _terms;

    /// <summary>
    /// Offsets from <paramref name="start"/> of the rows of [start, start + count) of <paramref name="record"/> that
    /// pass every term, ascending; <paramref name="recordColumns"/> maps the scan's output columns to record columns,
    /// whose stored integers are offsets from <paramref name="bases"/> (per record column; see <see cref="Storage.StoredIntegerType.Base"/>).
    /// </summary>
    public int Select(RecordBatch record, ReadOnlySpan<long> bases, IReadOnlyList<int> recordColumns, int start, int count, Span<int> selection)
    {
        Span<ulong> bits = stackalloc ulong[(Vectors.Batch.Capacity + 63) / 64];
        bits = bits[..((count + 63) / 64)];
        for (var t = 0; t < _terms.Length; t++)
        {
            var column = recordColumns[_terms[t].Column];
            _terms[t].Mask(record.Column(column), bases[column], start, count, bits, first: t == 0);
        }
        var kept = 0;
        for (var w = 0; w < bits.Length; w++)
        {
            for (var word = bits[w]; word != 0; word &= word - 1)
                selection[kept++] = (w * 64) + System.Numerics.BitOperations.TrailingZeroCount(word);
        }
        return kept;
    }

    public override string ToString() => string.Join(" AND ", _terms.Select(t => t.ToString()));

    /// <summary>
    /// Splits a scan filter's (translated) conjuncts into those the scan can test itself and the rest; null when
    /// none can. Equalities go first: they usually keep the fewest rows, so later terms look at fewer.
    /// </summary>
    public static ScanPredicate? Extract(IEnumerable<Expression> conjuncts, List<Expression> rest)
    {
        var terms = new List<ScanComparison>();
        foreach (var conjunct in Flatten(conjuncts))
        {
            if (TryCreate(conjunct) is { } term)
                terms.Add(term);
            else
                rest.Add(conjunct);
        }
        if (terms.Count == 0)
            return null;
        return new ScanPredicate([.. terms.OrderBy(t => t.Source is ComparisonExpression { Operator: ComparisonOperator.Equal } ? 0 : 1)]);
    }

    private static IEnumerable<Expression> Flatten(IEnumerable<Expression> conjuncts) =>
        conjuncts.SelectMany(c => c is LogicalExpression { IsAnd: true } and ? Flatten(and.Operands) : [c]);

    /// <summary><c>column op constant</c> or <c>constant op column</c>, the column possibly widened to the
    /// constant's integer type (int4 = int8 literal): such a test is the column against the constant narrowed back,
    /// when the constant fits the column's type.</summary>
    private static ScanComparison? TryCreate(Expression conjunct)
    {
        if (conjunct is not ComparisonExpression comparison)
            return null;
        var op = comparison.Operator;
        if (comparison.Left is ConstantExpression && comparison.Right is not ConstantExpression)
            return Column(comparison.Right) is { } flipped && comparison.Left is ConstantExpression c
                ? Create(flipped, Flip(op), c, conjunct)
                : null;
        return Column(comparison.Left) is { } column && comparison.Right is ConstantExpression constant
            ? Create(column, op, constant, conjunct)
            : null;
    }

    private static ColumnReference? Column(Expression e) => e switch
    {
        ColumnReference c when Pushable(c.PhysicalType) => c,
        // Only a widening cast: a narrowing one (an explicit ::int4 of an int8 column) can fail with 22003.
        CastExpression { Operand: ColumnReference c } cast when c.Type.IsInteger && cast.Type.IsInteger && Pushable(c.PhysicalType)
            && PhysicalTypes.SizeOf(c.PhysicalType) < PhysicalTypes.SizeOf(cast.PhysicalType) => c,
        // An IPv4 column met a general inet (a literal written '…'::inet): see Create for which constants keep the order.
        CastExpression { Operand: ColumnReference { PhysicalType: PhysicalType.Inet4 } c, PhysicalType: PhysicalType.Inet } => c,
        _ => null,
    };

    private static bool Pushable(PhysicalType type) =>
        type is PhysicalType.Int16 or PhysicalType.Int32 or PhysicalType.Int64 or PhysicalType.Inet4;

    private static ScanComparison? Create(ColumnReference column, ComparisonOperator op, ConstantExpression constant, Expression source)
    {
        if (constant.IsNull)
            return null;
        var layout = constant.Layout;
        if (column.PhysicalType == PhysicalType.Inet4 && layout.PhysicalType == PhysicalType.Inet)
        {
            // Host addresses (v4, /32) order like their 32-bit numbers; a network or an IPv6 constant orders by
            // network part and prefix first (PostgreSQL's network_cmp), so it stays with the filter.
            var inet = layout.Get<Vectors.InetValue>(0);
            return !inet.IsV6 && inet.Prefix == 32 ? Create(column.Index, op, (uint)inet.Low, source) : null;
        }
        if (column.PhysicalType == PhysicalType.Inet4)
            return Create(column.Index, op, layout.Get<uint>(0), source);
        var value = layout.PhysicalType switch
        {
            PhysicalType.Int16 => layout.Get<short>(0),
            PhysicalType.Int32 => layout.Get<int>(0),
            _ => layout.Get<long>(0),
        };
        return column.PhysicalType switch
        {
            PhysicalType.Int16 when value is >= short.MinValue and <= short.MaxValue => Create(column.Index, op, (short)value, source),
            PhysicalType.Int32 when value is >= int.MinValue and <= int.MaxValue => Create(column.Index, op, (int)value, source),
            PhysicalType.Int64 => Create(column.Index, op, value, source),
            _ => null,
        };
    }

    private static ScanComparison Create<T>(int column, ComparisonOperator op, T constant, Expression source)
        where T : unmanaged, System.Numerics.INumber<T> => op switch
    {
        ComparisonOperator.Equal => new ScanComparison<T, ScanEqual<T>>(column, constant, source),
        ComparisonOperator.NotEqual => new ScanComparison<T, ScanNotEqual<T>>(column, constant, source),
        ComparisonOperator.Less => new ScanComparison<T, ScanLess<T>>(column, constant, source),
        ComparisonOperator.LessOrEqual => new ScanComparison<T, ScanLessOrEqual<T>>(column, constant, source),
        ComparisonOperator.Greater => new ScanComparison<T, ScanGreater<T>>(column, constant, source),
        _ => new ScanComparison<T, ScanGreaterOrEqual<T>>(column, constant, source),
    };

    private static ComparisonOperator Flip(ComparisonOperator op) => op switch
    {
        ComparisonOperator.Less => ComparisonOperator.Greater,
        ComparisonOperator.LessOrEqual => ComparisonOperator.GreaterOrEqual,
        ComparisonOperator.Greater => ComparisonOperator.Less,
        ComparisonOperator.GreaterOrEqual => ComparisonOperator.LessOrEqual,
        _ => op,
    };
}
