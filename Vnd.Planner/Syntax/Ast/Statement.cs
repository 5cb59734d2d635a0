namespace Vnd.Planner.Syntax.Ast;

public abstract record Statement : SqlNode;
