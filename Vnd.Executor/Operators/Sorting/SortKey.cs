using Vnd.Executor.Expressions;

namespace Vnd.Executor.Operators.Sorting;

/// <summary>One ORDER BY item. PostgreSQL's default puts NULLs last ascending and first descending.</summary>
public sealed record SortKey(Expression Expression, bool Descending = false, bool? NullsFirst = null)
{
    public bool NullsFirstEffective => NullsFirst ?? Descending;

    public override string ToString() =>
        $"{Expression}{(Descending ? " DESC" : "")}{(NullsFirstEffective ? " NULLS FIRST" : " NULLS LAST")}";
}
