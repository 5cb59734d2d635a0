using Vnd.Planner.Errors;
using Vnd.Planner.Syntax.Ast;
using Vnd.Planner.Types;

namespace Vnd.Planner.Binding;

/// <summary>Which array types VND has: one dimension of a scalar type; anything deeper is 0A000, not a wrong answer.</summary>
internal static class ArrayTypes
{
    public static SqlType Of(SqlType element, SqlNode node) => element.Id switch
    {
        TypeId.Array => throw BinderErrors.Unsupported("multidimensional arrays", node),
        TypeId.Unknown or TypeId.Null => SqlType.ArrayOf(SqlType.Text),
        _ => SqlType.ArrayOf(element),
    };

    /// <summary>The short name a bound call's text uses for an element type (int4, text, …).</summary>
    public static string Label(SqlType element) => element.Id.ToString().ToLowerInvariant();
}
