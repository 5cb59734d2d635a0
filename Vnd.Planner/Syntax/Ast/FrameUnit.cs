namespace Vnd.Planner.Syntax.Ast;

public enum FrameUnit
{
    Rows,
    Range,
    Groups,
}
