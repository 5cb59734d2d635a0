namespace Vnd.Planner.Logical;

public enum SubqueryKind
{
    /// <summary>(SELECT …) as a value: at most one row.</summary>
    Scalar,
    Exists,
    /// <summary>operand IN (SELECT …); negated for NOT IN.</summary>
    In,
    /// <summary>
    /// ARRAY(SELECT …): every row's value as one array. Vectors have no array type, so its value is the array's
    /// PostgreSQL text form ({a,b}) and its type text, as the catalog keeps its array columns.
    /// </summary>
    Array,
    /// <summary>The rows of a LATERAL item, all columns (only inside <see cref="LateralJoin"/>).</summary>
    Lateral,
    /// <summary>
    /// operand op ANY|ALL (SELECT …) for the comparisons that are not IN / NOT IN (&lt;, &gt;= ALL, &lt;&gt; ANY, …):
    /// <see cref="BoundSubquery.Comparison"/> and <see cref="BoundSubquery.All"/> say which.
    /// </summary>
    Quantified,
}
