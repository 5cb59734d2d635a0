using Vnd.Planner.Logical;
using Vnd.Planner.Syntax.Ast;
using Vnd.Planner.Syntax.Formatting;
using Vnd.Planner.Types;

namespace Vnd.Planner.Binding;

/// <summary>
/// Set-returning functions in one SELECT list (<see cref="SetFunctionBinding"/>), PostgreSQL's ProjectSet: every call
/// becomes a function of a <see cref="ProjectSet"/> under the SELECT's projection (above grouping and windows, below
/// DISTINCT, ORDER BY and LIMIT), run in lockstep; the same call written twice is one function, as PostgreSQL
/// evaluates it once per row. A call in another's arguments runs one ProjectSet lower (PostgreSQL 10+): each call's
/// level is one above the highest call its arguments read, and the calls of one level run in lockstep.
/// information_schema._pg_expandarray(a) is the composite (x int2, n int4), whose fields <c>(….).x</c> select
/// (pgJDBC's getPrimaryKeys). The GROUP BY clause has its own instance (<paramref name="grouped"/>), applied below the
/// Aggregate: a select-list expression equal to a key that holds such a call is matched through it. So do window
/// definitions (PARTITION BY, ORDER BY: <paramref name="windowed"/>, applied below the Window), whose calls the select
/// list shares, as PostgreSQL does.
/// </summary>
internal sealed class SelectListSets(BindingContext context, SelectListSets? grouped = null, SelectListSets? windowed = null)
{
    /// <summary>Binding a window's PARTITION BY or ORDER BY: calls go to <c>windowed</c>.</summary>
    private bool _inWindowDefinition;

    private readonly List<(string Key, List<SetFunctionCall> Calls, BoundExpr Value, int Level)> _bound = [];
    private readonly Dictionary<BoundExpr, SqlList<(string Name, BoundExpr Value)>> _composites = new(ReferenceEqualityComparer.Instance);

    public int Count => _bound.Count;

    /// <summary>Binds a window definition's expressions, whose calls run below the Window.</summary>
    public T InWindowDefinition<T>(Func<T> bind)
    {
        if (windowed is null || _inWindowDefinition)
        {
            return bind();
        }
        _inWindowDefinition = true;
        try
        {
            return bind();
        }
        finally
        {
            _inWindowDefinition = false;
        }
    }

    public BoundExpr Bind(FunctionCall f, ExprBinder binder)
    {
        var key = SqlFormatter.Format(f);
        // Only while matching GROUP BY keys: a call that is not (part of) a key runs again above the Aggregate.
        if (binder.Probe && grouped?.Find(key) is { } groupedValue)
        {
            return groupedValue;
        }
        if (_inWindowDefinition)
        {
            return BindInWindowDefinition(f, key, binder);
        }
        if (windowed?.Find(key) is { } shared)
        {
            return shared;
        }
        if (Find(key) is { } found)
        {
            return found;
        }
        var (calls, columns) = SetFunctionBinding.Bind(f, binder, context, f.Name[^1]);
        var read = calls.SelectMany(c => c.Arguments).SelectMany(ExprWalk.Columns).ToHashSet();
        var level = 1;
        foreach (var inner in _bound)
        {
            if (inner.Calls.Any(c => read.Contains(c.Column.Id)))
            {
                level = Math.Max(level, inner.Level + 1);
            }
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
        _bound.Add((key, calls, value, level));
        return value;
    }

    private BoundExpr? Find(string key) => _bound.Find(b => b.Key == key).Value;

    /// <summary>
    /// A window definition's call: one the select list already holds on the first level moves below the Window, so
    /// both share it whichever comes first.
    /// </summary>
    private BoundExpr BindInWindowDefinition(FunctionCall f, string key, ExprBinder binder)
    {
        var index = _bound.FindIndex(b => b.Key == key);
        if (index >= 0 && _bound[index].Level == 1 && windowed!.Find(key) is null)
        {
            windowed._bound.Add(_bound[index]);
            var value = _bound[index].Value;
            _bound.RemoveAt(index);
            return value;
        }
        return windowed!.Bind(f, binder);
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

    /// <summary>The input of the projection with the set-returning functions applied, one ProjectSet per level.</summary>
    public LogicalPlan Apply(LogicalPlan input)
    {
        var top = _bound.Count == 0 ? 0 : _bound.Max(b => b.Level);
        for (var level = 1; level <= top; level++)
        {
            // A level can be empty: its calls moved below the Window (BindInWindowDefinition).
            var calls = _bound.Where(b => b.Level == level).SelectMany(b => b.Calls).ToList();
            if (calls.Count > 0)
            {
                input = new ProjectSet(input, SqlList.From(calls));
            }
        }
        return input;
    }
}
