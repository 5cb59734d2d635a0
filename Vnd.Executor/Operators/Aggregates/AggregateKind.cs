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
    StringAgg,
}
