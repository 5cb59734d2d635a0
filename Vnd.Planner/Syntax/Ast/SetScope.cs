namespace Vnd.Planner.Syntax.Ast;

public enum SetScope
{
    Session,
    Local,
}
