namespace Vnd.Planner.Syntax.Ast;

public enum DistinctKind
{
    All,
    Distinct,
    DistinctOn,
}
