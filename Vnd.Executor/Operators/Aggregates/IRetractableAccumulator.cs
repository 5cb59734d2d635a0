using Vnd.Executor.Vectors;

namespace Vnd.Executor.Operators.Aggregates;

/// <summary>
/// An accumulator that can take rows back out (PostgreSQL's inverse transition functions), so a window frame that
/// slides along a partition costs one update and one retraction per row instead of re-aggregating the frame.
/// Only where retracting gives the very answer re-aggregation would: counts and integer sums, not float sums
/// (rounding) nor numeric ones (the result keeps the largest scale seen).
/// </summary>
public interface IRetractableAccumulator
{
    bool CanRetract { get; }

    /// <summary>Undoes <see cref="Accumulator.Update"/> of the same rows into the same groups.</summary>
    void Retract(Vector? input, ReadOnlySpan<int> rows, ReadOnlySpan<int> groups);
}
