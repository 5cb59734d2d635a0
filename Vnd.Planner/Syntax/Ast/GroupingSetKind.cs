namespace Vnd.Planner.Syntax.Ast;

public enum GroupingSetKind
{
    /// <summary>() — the grand total.</summary>
    Empty,
    Rollup,
    Cube,
    /// <summary>GROUPING SETS (…).</summary>
    Sets,
}
