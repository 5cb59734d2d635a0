using Vnd.Planner.Logical;
using Vnd.Planner.Syntax.Ast;
using Vnd.Planner.Syntax.Formatting;
using Vnd.Planner.Types;

namespace Vnd.Planner.Binding;

/// <summary>
/// Set-returning array functions in one SELECT list, PostgreSQL's ProjectSet: <c>unnest(a)</c> is the element, and
/// <c>information_schema._pg_expandarray(a)</c> the composite (x int2, n int4), whose fields <c>(….).x</c> select
/// (pgJDBC's getPrimaryKeys). Each distinct call becomes one <see cref="ArrayExpand"/> under the SELECT's
/// projection; the same call written twice is one expansion, as PostgreSQL evaluates it once per row.
/// </summary>
internal sealed class SelectListSets(BindingContext context)
{
    private readonly List<(string Key, ArrayExpand Expansion)> _expansions = [];
    private readonly Dictionary<BoundExpr, SqlList<(string Name, BoundExpr Value)>> _composites = new(ReferenceEqualityComparer.Instance);

    public int Count => _expansions.Count;

    /// <summary>The functions handled here: unnest and information_schema._pg_expandarray.</summary>
    public static bool Handles(FunctionCall f) =>
        (f.Name[^1] == "unnest" && (f.Name.Count == 1 || f.Name[0] == "pg_catalog"))
        || (f.Name.Count == 2 && f.Name[0] == "information_schema" && f.Name[1] == "_pg_expandarray");

    public BoundExpr Bind(FunctionCall f, ExprBinder binder)
    {
        if (f.Arguments.Count != 1 || f.Distinct || f.Star || f.Filter is not null || f.Over is not null || f.OrderBy.Count > 0)
        {
            throw BinderErrors.Unsupported($"this form of {f.Name[^1]}", f);
        }
        var key = SqlFormatter.Format(f.Arguments[0]);
        var found = _expansions.Find(e => e.Key == key);
        var expansion = found.Expansion;
        if (expansion is null)
        {
            var array = binder.BindArrayText(f.Arguments[0], out _);
            expansion = new ArrayExpand(new Values([], []), array, context.NewColumn(f.Name[^1], SqlType.Text), context.NewColumn("n", SqlType.Int4));
            _expansions.Add((key, expansion));
        }
        if (f.Name[^1] == "unnest")
        {
            // The expansion reads the array's text form; a typed array's elements are cast back to its element type.
            return expansion.Array is BoundCast { Operand.Type: { Id: TypeId.Array, Element: { } element } } && element.Id != TypeId.Text
                ? new BoundCast(BoundColumn.Of(expansion.Element), element)
                : BoundColumn.Of(expansion.Element);
        }
        // Clients expand int2vector/int2[] catalog columns with it (pgJDBC: indkey, conkey), so x is int2.
        BoundExpr x = new BoundCast(BoundColumn.Of(expansion.Element), SqlType.Int2), n = BoundColumn.Of(expansion.Position);
        var composite = new BoundCall("row_construct(int2,int4)", "row_construct", CallKind.Function, [x, n], SqlType.Text);
        _composites[composite] = [("x", x), ("n", n)];
        return composite;
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

    /// <summary>The input of the projection with the expansions applied (at most one: several would run in lockstep in PostgreSQL).</summary>
    public LogicalPlan Apply(LogicalPlan input, SqlNode node)
    {
        if (_expansions.Count > 1)
        {
            throw BinderErrors.Unsupported("several set-returning functions in one SELECT list", node);
        }
        return _expansions.Count == 0 ? input : _expansions[0].Expansion with { Input = input };
    }
}
