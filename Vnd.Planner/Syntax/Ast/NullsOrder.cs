namespace Vnd.Planner.Syntax.Ast;

public enum NullsOrder
{
    Default,
    First,
    Last,
}
