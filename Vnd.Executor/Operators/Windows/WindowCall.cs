using Vnd.Executor.Expressions;
using Vnd.Executor.Operators.Aggregates;
using Vnd.Planner.Types;

namespace Vnd.Executor.Operators.Windows;

/// <summary>
/// One window function. <see cref="Aggregate"/> is set for aggregate kinds. The frame is PostgreSQL's default
/// (with ORDER BY: partition start to the current row's last peer; without: the whole partition) unless
/// <see cref="RowsFrame"/> gives ROWS BETWEEN n PRECEDING AND m FOLLOWING (null bound = UNBOUNDED).
/// </summary>
public sealed record WindowCall(WindowKind Kind, Expression? Argument = null, int Offset = 1, AggregateCall? Aggregate = null,
    (int? Preceding, int? Following)? RowsFrame = null)
{
    public SqlType ResultType => Kind switch
    {
        WindowKind.RowNumber or WindowKind.Rank or WindowKind.DenseRank => SqlType.Int8,
        WindowKind.Aggregate => Aggregate!.ResultType,
        _ => Argument!.Type,
    };

    public static WindowCall Over(AggregateCall aggregate, (int? Preceding, int? Following)? rows = null) =>
        new(WindowKind.Aggregate, aggregate.Argument, Aggregate: aggregate, RowsFrame: rows);

    public override string ToString() => Kind == WindowKind.Aggregate ? $"{Aggregate} OVER" : $"{Kind}({Argument})";
}
