namespace Vnd.Planner.Syntax.Ast;

public enum Quantifier
{
    Any,
    All,
}
