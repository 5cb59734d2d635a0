namespace Vnd.Executor.Operators.Joins;

/// <summary>
/// Join kinds of <see cref="HashJoinOperator"/>, named from the probe side's point of view: Left keeps unmatched
/// probe rows, Right keeps unmatched build rows. Semi/Anti return probe rows only.
/// </summary>
public enum JoinType : byte
{
    Inner,
    Left,
    Right,
    Full,
    Semi,
    Anti,
    /// <summary>NOT IN: like Anti, but a NULL build key empties the result and a NULL probe key never passes
    /// (unless the build side is empty), as SQL's three-valued NOT IN requires.</summary>
    NullAwareAnti,
}
