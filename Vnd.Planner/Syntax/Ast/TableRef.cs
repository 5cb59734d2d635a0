namespace Vnd.Planner.Syntax.Ast;

public abstract record TableRef : SqlNode;
