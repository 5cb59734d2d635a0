using Vnd.Planner.Logical;
using Vnd.Planner.Syntax.Ast;

namespace Vnd.Planner.Binding;

/// <summary>Window calls of one SELECT (select list and ORDER BY) and its WINDOW clause definitions.</summary>
internal sealed class WindowCollector(SqlList<WindowDefinition> definitions)
{
    public List<WindowItem> Items { get; } = [];

    /// <summary>
    /// The window a call's OVER clause means, with a referenced window's clauses merged in as PostgreSQL does
    /// (transformWindowDefinitions): <c>OVER w</c> is w itself, frame included; <c>OVER (w ORDER BY … ROWS …)</c>
    /// copies w's PARTITION BY and ORDER BY and adds its own, but may not override either nor copy a frame. A
    /// definition may build on an earlier one the same way.
    /// </summary>
    public WindowSpec Resolve(WindowSpec spec, SqlNode node) => Resolve(spec, node, definitions.Count);

    private WindowSpec Resolve(WindowSpec spec, SqlNode node, int visible)
    {
        if (spec.ReferenceName is not { } name)
            return spec;
        var index = IndexOf(name, visible);
        if (index < 0)
            throw BinderErrors.Error(BinderErrors.UndefinedObject, $"window \"{name}\" does not exist", node);
        var referenced = Resolve(definitions[index].Spec, definitions[index], index);
        if (spec.PartitionBy.Count > 0)
            throw BinderErrors.Error(WindowingError, $"cannot override PARTITION BY clause of window \"{name}\"", node);
        if (spec.OrderBy.Count > 0 && referenced.OrderBy.Count > 0)
            throw BinderErrors.Error(WindowingError, $"cannot override ORDER BY clause of window \"{name}\"", node);
        if (spec.OrderBy.Count == 0 && spec.Frame is null)
            return referenced;
        if (referenced.Frame is not null)
            throw BinderErrors.Error(WindowingError, $"cannot copy window \"{name}\" because it has a frame clause", node);
        return new WindowSpec(null, referenced.PartitionBy, spec.OrderBy.Count > 0 ? spec.OrderBy : referenced.OrderBy, spec.Frame)
        {
            Position = spec.Position,
        };
    }

    /// <summary>A definition's name among the first <paramref name="visible"/> ones (a definition sees only earlier ones).</summary>
    private int IndexOf(string name, int visible)
    {
        for (var i = 0; i < visible; i++)
        {
            if (definitions[i].Name == name)
                return i;
        }
        return -1;
    }

    private const string WindowingError = "42P20";

    public BoundColumn Add(BindingContext context, BoundWindowCall call)
    {
        foreach (var existing in Items)
        {
            if (existing.Call.Equals(call))
            {
                return BoundColumn.Of(existing.Column);
            }
        }
        var column = context.NewColumn(call.Name, call.Type);
        Items.Add(new WindowItem(column, call));
        return BoundColumn.Of(column);
    }
}
