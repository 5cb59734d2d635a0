namespace Vnd.Planner.Logical;

public enum SubqueryKind
{
    /// <summary>(SELECT …) as a value: at most one row.</summary>
    Scalar,
    Exists,
    /// <summary>operand IN (SELECT …); negated for NOT IN.</summary>
    In,
}
