namespace Vnd.Planner.Syntax.Ast;

public sealed record DeclareCursorStatement(string Name, bool Binary, bool? Scroll, bool WithHold, Query Query) : Statement;
