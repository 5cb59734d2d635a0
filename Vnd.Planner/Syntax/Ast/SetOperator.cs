namespace Vnd.Planner.Syntax.Ast;

public enum SetOperator
{
    Union,
    Intersect,
    Except,
}
