namespace Vnd.Planner.Syntax.Ast;

public enum CastSyntax
{
    /// <summary>CAST(x AS t).</summary>
    Cast,
    /// <summary>x::t.</summary>
    DoubleColon,
}
