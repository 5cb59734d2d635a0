namespace Vnd.Planner.Syntax.Ast;

public enum FetchDirection
{
    Next,
    Forward,
    Prior,
    First,
    Last,
    Absolute,
    Relative,
    ForwardAll,
    Backward,
    BackwardAll,
}
