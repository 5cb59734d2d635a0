namespace Vnd.Planner.Syntax.Ast;

public enum SortDirection
{
    Default,
    Ascending,
    Descending,
}
