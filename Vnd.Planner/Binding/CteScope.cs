using Vnd.Planner.Syntax.Ast;

namespace Vnd.Planner.Binding;

/// <summary>WITH names visible at a query level; a CTE is re-bound at each reference (inlined) so ids stay unique.</summary>
internal sealed class CteScope(CteScope? parent)
{
    private readonly Dictionary<string, (CommonTableExpression Definition, CteScope Scope)> _tables = [];

    public void Add(CommonTableExpression cte, CteScope definedIn)
    {
        if (!_tables.TryAdd(cte.Name, (cte, definedIn)))
        {
            throw BinderErrors.Error(BinderErrors.DuplicateAlias, $"WITH query name \"{cte.Name}\" specified more than once", cte);
        }
    }

    public (CommonTableExpression Definition, CteScope Scope)? Find(string name) =>
        _tables.TryGetValue(name, out var entry) ? entry : parent?.Find(name);
}
