namespace Vnd.Planner.Syntax.Ast;

public enum JoinKind
{
    Inner,
    Left,
    Right,
    Full,
    Cross,
}
