using Vnd.Planner.Errors;
using Vnd.Planner.Logical;
using Vnd.Planner.Syntax.Ast;

namespace Vnd.Planner.Binding;

/// <summary>
/// The relations of one query level's FROM clause, chained to the enclosing query's scope for correlated
/// references. USING merges a column pair into one unqualified name, as PostgreSQL's join alias does.
/// </summary>
internal sealed class Scope(Scope? parent)
{
    public Scope? Parent { get; } = parent;

    /// <summary>
    /// Set once this level's GROUP BY is known, so a subquery in its select list or HAVING that references one of
    /// its columns gets the group key's column (PostgreSQL treats such outer references as grouped values).
    /// </summary>
    public Grouping? Grouping { get; set; }

    public List<ScopeRelation> Relations { get; } = [];

    /// <summary>
    /// Set on the left side of a RIGHT or FULL JOIN as seen by a LATERAL item on its right: a reference into it is
    /// 42P10 (the right side cannot run once per left row when left rows may be missing).
    /// </summary>
    public bool RejectsLateral { get; set; }

    /// <summary>USING columns: the unqualified name's column, listed first by *.</summary>
    public List<PlanColumn> Merged { get; } = [];

    /// <summary>Columns * leaves out because USING merged them.</summary>
    public HashSet<ColumnId> HiddenFromStar { get; } = [];

    /// <summary>The same relations without this level's grouping: the view of an aggregate's arguments.</summary>
    public Scope Ungrouped()
    {
        var view = new Scope(Parent) { RejectsLateral = RejectsLateral };
        view.Absorb(this);
        return view;
    }

    public void Absorb(Scope other)
    {
        Relations.AddRange(other.Relations);
        Merged.AddRange(other.Merged);
        HiddenFromStar.UnionWith(other.HiddenFromStar);
    }

    public void AddRelation(ScopeRelation relation, SqlNode node)
    {
        if (Relations.Any(r => r.Alias == relation.Alias && r.Schema == relation.Schema))
        {
            throw BinderErrors.Error(BinderErrors.DuplicateAlias, $"table name \"{relation.Alias}\" specified more than once", node);
        }
        Relations.Add(relation);
    }

    public List<PlanColumn> StarColumns()
    {
        var columns = new List<PlanColumn>(Merged);
        foreach (var relation in Relations)
        {
            columns.AddRange(relation.Columns.Where(c => !HiddenFromStar.Contains(c.Id) && !Merged.Contains(c)));
        }
        return columns;
    }

    /// <summary>Finds a column in this scope only; null when absent. Ambiguity and unknown tables throw.</summary>
    public PlanColumn? Find(SqlList<string> names, SqlNode node)
    {
        var column = names[^1];
        if (names.Count == 1)
        {
            var merged = Merged.Find(c => c.Name == column);
            if (merged is not null)
            {
                return merged;
            }
            PlanColumn? found = null;
            foreach (var relation in Relations)
            {
                foreach (var candidate in relation.Columns)
                {
                    if (candidate.Name == column)
                    {
                        if (found is not null)
                        {
                            throw BinderErrors.Error(SqlState.AmbiguousColumn, $"column reference \"{column}\" is ambiguous", node);
                        }
                        found = candidate;
                    }
                }
            }
            return found;
        }
        var relationMatch = FindRelation(names.Count == 3 ? names[0] : null, names[^2]);
        if (relationMatch is null)
        {
            return null;
        }
        var hit = relationMatch.Columns.Where(c => c.Name == column).ToList();
        if (hit.Count > 1)
        {
            throw BinderErrors.Error(SqlState.AmbiguousColumn, $"column reference \"{column}\" is ambiguous", node);
        }
        return hit.Count == 1 ? hit[0] : throw BinderErrors.Error(SqlState.UndefinedColumn,
            $"column {relationMatch.Alias}.{column} does not exist", node);
    }

    /// <summary>The alias of the relation <paramref name="column"/> belongs to (for error texts).</summary>
    public string AliasOf(PlanColumn column) => Relations.Find(r => r.Columns.Contains(column))?.Alias ?? column.Name;

    public ScopeRelation? FindRelation(string? schema, string alias) =>
        Relations.Find(r => r.Alias == alias && (schema is null || r.Schema == schema));

    public bool HasRelation(string? schema, string alias) =>
        FindRelation(schema, alias) is not null || (Parent?.HasRelation(schema, alias) ?? false);
}
