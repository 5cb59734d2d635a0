using Vnd.Executor.Expressions;
using Vnd.Executor.Operators.Aggregates;
using Vnd.Planner.Types;

namespace Vnd.Executor.Operators.Windows;

/// <summary>
/// One window function. <see cref="Aggregate"/> is set for aggregate kinds. <see cref="Frame"/> null means
/// PostgreSQL's default frame (<see cref="WindowFrame.Default"/>). lag/lead read <see cref="Argument"/>
/// <see cref="Offset"/> rows away and fall back to <see cref="Default"/> (evaluated at the current row; NULL when
/// absent) outside the partition. A two-argument aggregate (corr, regr_*) carries its X in <see cref="Default"/>, the
/// per-row column the window operator already evaluates beside the argument.
/// </summary>
public sealed record WindowCall(WindowKind Kind, Expression? Argument = null, int Offset = 1, AggregateCall? Aggregate = null,
    WindowFrame? Frame = null, Expression? Default = null)
{
    public SqlType ResultType => Kind switch
    {
        WindowKind.RowNumber or WindowKind.Rank or WindowKind.DenseRank => SqlType.Int8,
        WindowKind.PercentRank or WindowKind.CumeDist => SqlType.Float8,
        WindowKind.Aggregate => Aggregate!.ResultType,
        _ => Argument!.Type,
    };

    public WindowFrame EffectiveFrame => Frame ?? WindowFrame.Default;

    public static WindowCall Over(AggregateCall aggregate, WindowFrame? frame = null) =>
        new(WindowKind.Aggregate, aggregate.Argument, Aggregate: aggregate, Frame: frame, Default: aggregate.X);

    /// <summary>An aggregate over ROWS BETWEEN p PRECEDING AND f FOLLOWING (null = UNBOUNDED).</summary>
    public static WindowCall Over(AggregateCall aggregate, (int? Preceding, int? Following) rows) =>
        Over(aggregate, WindowFrame.Rows(rows.Preceding, rows.Following));

    public override string ToString() =>
        (Kind == WindowKind.Aggregate ? $"{Aggregate} OVER" : $"{Kind}({Argument})") + (Frame is null ? "" : $" {Frame}");
}
