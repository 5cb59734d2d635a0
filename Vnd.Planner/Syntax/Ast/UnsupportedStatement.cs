namespace Vnd.Planner.Syntax.Ast;

/// <summary>
/// A PostgreSQL command VND does not implement (INSERT, UPDATE, CREATE INDEX, …): parsed only far enough to
/// name it, so the engine answers 0A000 feature_not_supported rather than a misleading syntax error.
/// </summary>
public sealed record UnsupportedStatement(string Command) : Statement
{
    public string Message => Command + " is not supported";
}
