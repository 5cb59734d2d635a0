namespace Vnd.Planner.Syntax.Ast;

public enum IsTest
{
    Null,
    True,
    False,
    Unknown,
}
