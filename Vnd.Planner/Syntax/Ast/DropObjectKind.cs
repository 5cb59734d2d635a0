namespace Vnd.Planner.Syntax.Ast;

public enum DropObjectKind
{
    Table,
    View,
}
