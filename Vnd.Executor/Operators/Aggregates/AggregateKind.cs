namespace Vnd.Executor.Operators.Aggregates;

public enum AggregateKind : byte
{
    CountStar,
    Count,
    Sum,
    Avg,
    Min,
    Max,
    StddevSamp,
    StddevPop,
    VarSamp,
    VarPop,
    BoolAnd,
    BoolOr,
    BitAnd,
    BitOr,
    StringAgg,
    /// <summary>array_agg(x): keeps NULL inputs, so FILTER cannot be a CASE over them.</summary>
    ArrayAgg,
    /// <summary>percentile_cont(f) WITHIN GROUP (ORDER BY x): interpolated, over float8.</summary>
    PercentileCont,
    /// <summary>percentile_disc(f) WITHIN GROUP (ORDER BY x): an actual input value.</summary>
    PercentileDisc,
    /// <summary>mode() WITHIN GROUP (ORDER BY x): the most frequent value, the first in the ordering on ties.</summary>
    Mode,
    /// <summary>The two-argument (Y, X) statistics aggregates, Corr … RegrR2 (kept together:
    /// <see cref="AggregateCall.IsRegression"/> is a range test): <see cref="RegressionAccumulator"/>.</summary>
    Corr,
    CovarPop,
    CovarSamp,
    /// <summary>regr_count(Y, X): rows where both are non-NULL, 0 (not NULL) for none.</summary>
    RegrCount,
    RegrAvgX,
    RegrAvgY,
    RegrSxx,
    RegrSyy,
    RegrSxy,
    RegrSlope,
    RegrIntercept,
    RegrR2,
    /// <summary>bit_xor(x) (PostgreSQL 14): not idempotent, so DISTINCT deduplicates first.</summary>
    BitXor,
}
