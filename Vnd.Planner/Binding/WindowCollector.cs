using Vnd.Planner.Logical;
using Vnd.Planner.Syntax.Ast;

namespace Vnd.Planner.Binding;

/// <summary>Window calls of one SELECT (select list and ORDER BY) and its WINDOW clause definitions.</summary>
internal sealed class WindowCollector(SqlList<WindowDefinition> definitions)
{
    public List<WindowItem> Items { get; } = [];

    public WindowSpec? Definition(string name)
    {
        foreach (var definition in definitions)
        {
            if (definition.Name == name)
            {
                return definition.Spec;
            }
        }
        return null;
    }

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
