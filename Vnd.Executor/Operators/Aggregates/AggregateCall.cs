using System.Text;
using Vnd.Executor.Execution;
using Vnd.Executor.Expressions;
using Vnd.Executor.Vectors;
using Vnd.Planner.Types;
using Vnd.Planner.Errors;

namespace Vnd.Executor.Operators.Aggregates;

/// <summary>
/// One aggregate of a GROUP BY: its kind, argument (null for count(*)), DISTINCT flag and, for string_agg, the
/// separator. Result types follow PostgreSQL: count → int8; sum(int2/int4) → int8; sum(int8) and avg of
/// integers → numeric; float input → float8; variance/stddev → float8 (PostgreSQL gives numeric for integer
/// input). DISTINCT works for every aggregate but the percentiles (WITHIN GROUP has no DISTINCT form).
/// </summary>
public sealed class AggregateCall
{
    public AggregateCall(AggregateKind kind, Expression? argument = null, bool distinct = false, string? separator = null,
        double fraction = 0, bool descending = false, IReadOnlyList<Sorting.SortKey>? orderKeys = null, Expression? x = null,
        IReadOnlyList<double?>? fractions = null)
    {
        foreach (var f in fractions ?? [])
        {
            if (f is not null and not (>= 0 and <= 1))
                throw new ExecutionException(SqlState.NumericValueOutOfRange, $"percentile value {f.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)} is not between 0 and 1");
        }
        Fractions = fractions;
        if (IsRegression(kind) != x is not null)
            throw new ArgumentException($"{kind} takes {(IsRegression(kind) ? "two arguments" : "one argument")}", nameof(x));
        if (distinct && x is not null)
            ExecutionErrors.Unsupported($"DISTINCT in {kind}");
        if (orderKeys is { Count: > 0 } && kind is not (AggregateKind.StringAgg or AggregateKind.ArrayAgg))
            throw new ArgumentException($"{kind} does not depend on the order of its input", nameof(orderKeys));
        if (kind is AggregateKind.PercentileCont or AggregateKind.PercentileDisc && fraction is not (>= 0 and <= 1))
            throw new ExecutionException(SqlState.NumericValueOutOfRange, $"percentile value {fraction.ToString(System.Globalization.CultureInfo.InvariantCulture)} is not between 0 and 1");
        if (kind != AggregateKind.CountStar && argument is null)
            throw new ArgumentException($"{kind} needs an argument", nameof(argument));
        if (distinct && kind is AggregateKind.CountStar or AggregateKind.PercentileCont or AggregateKind.PercentileDisc or AggregateKind.Mode)
            ExecutionErrors.Unsupported($"DISTINCT in {kind}");
        Kind = kind;
        X = x is null ? null : TypeUnification.To(x, SqlType.Float8);
        // Variances of integers and numerics are exact numerics (PostgreSQL); of floats, float8.
        var exactVariance = IsVariance(kind) && argument!.Type.Id is TypeId.Int2 or TypeId.Int4 or TypeId.Int8 or TypeId.Numeric;
        Argument = (IsRegression(kind) || IsVariance(kind) || kind == AggregateKind.PercentileCont) && !exactVariance
            ? TypeUnification.To(argument!, SqlType.Float8)
            : argument;
        Distinct = distinct;
        Fraction = fraction;
        Descending = descending;
        Separator = separator ?? ",";
        OrderKeys = orderKeys ?? [];
        ResultType = ComputeResultType();
    }

    public AggregateKind Kind { get; }

    /// <summary>The second argument X of a two-argument aggregate (Y, X) such as corr or regr_slope (as float8).</summary>
    public Expression? X { get; }

    /// <summary>What the aggregate reads per row besides <see cref="Argument"/>: the ORDER BY keys of an ordered
    /// aggregate, or X of a two-argument one.</summary>
    public IReadOnlyList<Expression> ExtraInputs => X is not null ? [X] : [.. OrderKeys.Select(k => k.Expression)];

    private static bool IsVariance(AggregateKind kind) =>
        kind is AggregateKind.StddevSamp or AggregateKind.StddevPop or AggregateKind.VarSamp or AggregateKind.VarPop;

    /// <summary>corr, covar_*, regr_*: the aggregates of two arguments.</summary>
    public static bool IsRegression(AggregateKind kind) => kind is >= AggregateKind.Corr and <= AggregateKind.RegrR2;

    public Expression? Argument { get; }

    public bool Distinct { get; }

    public string Separator { get; }

    /// <summary>percentile_cont/disc(float8[]): the fractions (NULL ones give NULL elements); null for one fraction.</summary>
    public IReadOnlyList<double?>? Fractions { get; }

    /// <summary>The percentile fraction f of percentile_cont/disc(f).</summary>
    public double Fraction { get; }

    /// <summary>percentile_cont/disc: WITHIN GROUP (ORDER BY x DESC).</summary>
    public bool Descending { get; }

    public SqlType ResultType { get; }

    /// <summary>string_agg/array_agg (x ORDER BY …): the keys values are fed in by; empty otherwise.</summary>
    public IReadOnlyList<Sorting.SortKey> OrderKeys { get; }

    public static AggregateCall CountStar() => new(AggregateKind.CountStar);

    public Accumulator CreateAccumulator(MemoryBudget memory)
    {
        var accumulator = OrderKeys.Count > 0 ? new OrderedAccumulator(memory, this) : CreatePlainAccumulator(memory);
        // count(DISTINCT) deduplicates itself; min/max/bool_* cannot be changed by duplicates.
        return Distinct && Kind is not (AggregateKind.Count or AggregateKind.Min or AggregateKind.Max or AggregateKind.BoolAnd or AggregateKind.BoolOr
                or AggregateKind.BitAnd or AggregateKind.BitOr)
            ? new DistinctAccumulator(memory, Argument!.Type, accumulator, OrderKeys.Count)
            : accumulator;
    }

    /// <summary>The accumulator that takes the values in the order they come (an ordered one feeds it sorted).</summary>
    internal Accumulator CreatePlainAccumulator(MemoryBudget memory)
    {
        if (Kind == AggregateKind.CountStar)
            return new CountAccumulator(memory, star: true);
        var type = Argument!.PhysicalType;
        return Kind switch
        {
            AggregateKind.Count when Distinct => new DistinctCountAccumulator(memory, type),
            AggregateKind.Count => new CountAccumulator(memory, star: false),
            // avg(float8) is PostgreSQL's float8_accum, overflow checks on the sum of squares included.
            AggregateKind.Avg when type == PhysicalType.Float64 => new VarianceAccumulator(memory, Kind),
            AggregateKind.Sum or AggregateKind.Avg => CreateSum(memory, type, Kind == AggregateKind.Avg),
            AggregateKind.Min or AggregateKind.Max => CreateMinMax(memory, type, Kind == AggregateKind.Max),
            AggregateKind.BoolAnd => new FoldAccumulator<byte, AndFold<byte>>(memory),
            AggregateKind.BoolOr => new FoldAccumulator<byte, OrFold<byte>>(memory),
            AggregateKind.BitAnd or AggregateKind.BitOr or AggregateKind.BitXor => CreateBitwise(memory, type, Kind),
            AggregateKind.StringAgg => new StringAggAccumulator(memory, Encoding.UTF8.GetBytes(Separator)),
            AggregateKind.ArrayAgg => new ArrayAggAccumulator(memory, type),
            AggregateKind.PercentileCont or AggregateKind.PercentileDisc or AggregateKind.Mode => new PercentileAccumulator(memory, this),
            _ when IsRegression(Kind) => new RegressionAccumulator(memory, Kind),
            _ => type switch
            {
                PhysicalType.Int16 => new ExactVarianceAccumulator<short, Int128>(memory, Kind),
                PhysicalType.Int32 => new ExactVarianceAccumulator<int, Int128>(memory, Kind),
                PhysicalType.Int64 => new ExactVarianceAccumulator<long, Int128>(memory, Kind),
                PhysicalType.Decimal => new ExactVarianceAccumulator<decimal, decimal>(memory, Kind),
                _ => new VarianceAccumulator(memory, Kind),
            },
        };
    }

    public override string ToString() => Kind == AggregateKind.CountStar
        ? "count(*)"
        : $"{Kind.ToString().ToLowerInvariant()}({(Distinct ? "DISTINCT " : "")}{Argument}{(X is null ? "" : ", " + X)}{(OrderKeys.Count > 0 ? " ORDER BY " + string.Join(", ", OrderKeys) : "")})";

    private Accumulator CreateSum(MemoryBudget memory, PhysicalType type, bool average) => type switch
    {
        PhysicalType.Int16 => new SumAccumulator<short, long>(memory, average, ResultType),
        PhysicalType.Int32 => new SumAccumulator<int, long>(memory, average, ResultType),
        PhysicalType.Int64 => new SumAccumulator<long, Int128>(memory, average, ResultType),
        PhysicalType.Float64 => new SumAccumulator<double, double>(memory, average, ResultType),
        PhysicalType.Decimal => new SumAccumulator<decimal, decimal>(memory, average, ResultType),
        PhysicalType.Interval => new IntervalSumAccumulator(memory, average),
        _ => throw new ExecutionException(SqlState.UndefinedFunction, $"function {Kind.ToString().ToLowerInvariant()}({Argument!.Type}) does not exist"),
    };

    private static Accumulator CreateMinMax(MemoryBudget memory, PhysicalType type, bool max) => type switch
    {
        PhysicalType.Bool => MinMax<byte>(memory, max),
        PhysicalType.Int16 => MinMax<short>(memory, max),
        PhysicalType.Int32 => MinMax<int>(memory, max),
        PhysicalType.Int64 => MinMax<long>(memory, max),
        PhysicalType.Float64 => max ? new FoldAccumulator<double, MaxFold<double, FloatOrder>>(memory) : new FoldAccumulator<double, MinFold<double, FloatOrder>>(memory),
        PhysicalType.Decimal => MinMax<decimal>(memory, max),
        PhysicalType.Interval => MinMax<PgInterval>(memory, max),
        PhysicalType.Inet4 => MinMax<uint>(memory, max),
        PhysicalType.Inet => MinMax<InetValue>(memory, max),
        PhysicalType.MacAddr => MinMax<ulong>(memory, max),
        _ => new MinMaxBytesAccumulator(memory, max),
    };

    private static Accumulator MinMax<T>(MemoryBudget memory, bool max) where T : unmanaged, IComparable<T> =>
        max ? new FoldAccumulator<T, MaxFold<T, NaturalOrder<T>>>(memory) : new FoldAccumulator<T, MinFold<T, NaturalOrder<T>>>(memory);

    private static Accumulator CreateBitwise(MemoryBudget memory, PhysicalType type, AggregateKind kind) => type switch
    {
        PhysicalType.Int16 => Bitwise<short>(memory, kind),
        PhysicalType.Int32 => Bitwise<int>(memory, kind),
        _ => Bitwise<long>(memory, kind),
    };

    private static Accumulator Bitwise<T>(MemoryBudget memory, AggregateKind kind) where T : unmanaged, System.Numerics.IBitwiseOperators<T, T, T> => kind switch
    {
        AggregateKind.BitAnd => new FoldAccumulator<T, AndFold<T>>(memory),
        AggregateKind.BitOr => new FoldAccumulator<T, OrFold<T>>(memory),
        _ => new FoldAccumulator<T, XorFold<T>>(memory),
    };

    private SqlType ComputeResultType()
    {
        var t = Argument?.Type;
        if (Fractions is not null && Kind is AggregateKind.PercentileCont or AggregateKind.PercentileDisc)
            return SqlType.ArrayOf(Kind == AggregateKind.PercentileCont ? SqlType.Float8 : t!);
        return Kind switch
        {
            AggregateKind.CountStar or AggregateKind.Count or AggregateKind.RegrCount => SqlType.Int8,
            AggregateKind.Sum => t!.Id switch
            {
                TypeId.Int2 or TypeId.Int4 => SqlType.Int8,
                TypeId.Int8 or TypeId.Numeric => SqlType.Numeric,
                TypeId.Float4 or TypeId.Float8 => SqlType.Float8,
                TypeId.Interval => SqlType.Interval,
                _ => throw new ExecutionException(SqlState.UndefinedFunction, $"function sum({t}) does not exist"),
            },
            AggregateKind.Avg => t!.Id switch
            {
                TypeId.Int2 or TypeId.Int4 or TypeId.Int8 or TypeId.Numeric => SqlType.Numeric,
                TypeId.Float4 or TypeId.Float8 => SqlType.Float8,
                TypeId.Interval => SqlType.Interval,
                _ => throw new ExecutionException(SqlState.UndefinedFunction, $"function avg({t}) does not exist"),
            },
            // Array order is element by element in PostgreSQL; the layout bytes do not sort that way.
            AggregateKind.Min or AggregateKind.Max when t!.Id == TypeId.Array =>
                throw new ExecutionException(SqlState.FeatureNotSupported, $"{Kind.ToString().ToLowerInvariant()} over arrays is not supported"),
            AggregateKind.Min or AggregateKind.Max or AggregateKind.PercentileDisc or AggregateKind.Mode or AggregateKind.BitAnd or AggregateKind.BitOr or AggregateKind.BitXor => t!,
            AggregateKind.BoolAnd or AggregateKind.BoolOr => SqlType.Bool,
            AggregateKind.StringAgg => SqlType.Text,
            AggregateKind.ArrayAgg => SqlType.ArrayOf(t!),
            _ when IsVariance(Kind) && t!.Id is TypeId.Int2 or TypeId.Int4 or TypeId.Int8 or TypeId.Numeric => SqlType.Numeric,
            _ => SqlType.Float8,
        };
    }
}
