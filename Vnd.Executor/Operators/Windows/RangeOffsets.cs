using Vnd.Executor.Expressions;
using Vnd.Executor.Operators.Sorting;

namespace Vnd.Executor.Operators.Windows;

/// <summary>
/// A RANGE frame's offsets (PostgreSQL's in_range): <see cref="Key"/> is the single ORDER BY key in the type the
/// comparison is made in, with the ORDER BY direction; <see cref="Start"/> and <see cref="End"/> compute each
/// row's edge values (key ∓ offset) in that type, null for a bound without an offset. <see cref="StartOffset"/> and
/// <see cref="EndOffset"/> are the constant offsets, checked once (NULL → 22004, negative → 22013).
/// </summary>
public sealed record RangeOffsets(SortKey Key, Expression? Start, Expression? End, Expression? StartOffset, Expression? EndOffset)
{
    public override string ToString() => $"key={Key.Expression} start={Start?.ToString() ?? "-"} end={End?.ToString() ?? "-"}";
}
