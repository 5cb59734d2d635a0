namespace Vnd.Planner.Logical;

public enum CallKind
{
    Function,
    /// <summary>An operator: +, =, AND, OR, NOT, LIKE, &lt;&lt;, IS DISTINCT FROM, …; printed infix.</summary>
    Operator,
}
