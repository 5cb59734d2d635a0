using Vnd.Planner.Logical;
using Vnd.Planner.Syntax.Ast;
using Vnd.Planner.Syntax.Formatting;
using Vnd.Planner.Types;

namespace Vnd.Planner.Binding;

/// <summary>
/// Set-returning functions in one SELECT list (<see cref="SetFunctionBinding"/>), PostgreSQL's ProjectSet: every call
/// becomes a function of one <see cref="ProjectSet"/> under the SELECT's projection (above grouping and windows, below
/// DISTINCT, ORDER BY and LIMIT), run in lockstep; the same call written twice is one function, as PostgreSQL
/// evaluates it once per row. information_schema._pg_expandarray(a) is the composite (x int2, n int4), whose fields
/// <c>(….).x</c> select (pgJDBC's getPrimaryKeys).
/// </summary>
internal sealed class SelectListSets(BindingContext context)
{
    private readonly List<(string Key, List<SetFunctionCall> Calls, BoundExpr Value)> _bound = [];
    private readonly Dictionary<BoundExpr, SqlList<(string Name, BoundExpr Value)>> _composites = new(ReferenceEqualityComparer.Instance);

    public int Count => _bound.Count;

    public BoundExpr Bind(FunctionCall f, ExprBinder binder)
    {
        var key = SqlFormatter.Format(f);
        var found = _bound.Find(b => b.Key == key);
        if (found.Value is not null)
        {
            return found.Value;
        }
        var (calls, columns) = SetFunctionBinding.Bind(f, binder, context, f.Name[^1]);
        var produced = _bound.SelectMany(b => b.Calls).Select(c => c.Column.Id).ToHashSet();
        if (calls.Any(c => c.Arguments.Any(a => ExprWalk.Columns(a).Overlaps(produced))))
        {
            throw BinderErrors.Unsupported("a set-returning function in the arguments of another", f);
        }
        BoundExpr value;
        if (columns.Count == 1)
        {
            value = columns[0].Value;
        }
        else
        {
            value = new BoundCall("row_construct(int2,int4)", "row_construct", CallKind.Function, SqlList.From(columns.Select(c => c.Value)), SqlType.Text);
            _composites[value] = SqlList.From(columns);
        }
        _bound.Add((key, calls, value));
        return value;
    }

    /// <summary>The fields of a composite this SELECT list built, or null.</summary>
    public SqlList<(string Name, BoundExpr Value)>? FieldsOf(BoundExpr expr) => _composites.GetValueOrDefault(expr);

    /// <summary>Remembers which output columns hold composites, so an outer query can select their fields.</summary>
    public void NoteComposites(IEnumerable<ProjectItem> items)
    {
        foreach (var item in items)
        {
            if (FieldsOf(item.Expr) is { } fields)
            {
                context.Composites[item.Column.Id] = SqlList.From(fields.Select(f => (f.Name, f.Value.Type)));
            }
        }
    }

    /// <summary>The input of the projection with the set-returning functions applied.</summary>
    public LogicalPlan Apply(LogicalPlan input) =>
        _bound.Count == 0 ? input : new ProjectSet(input, SqlList.From(_bound.SelectMany(b => b.Calls)));
}
