using Vnd.Planner.Errors;
using Vnd.Planner.Logical;
using Vnd.Planner.Syntax.Ast;
using Vnd.Planner.Types;

namespace Vnd.Planner.Binding;

/// <summary>
/// Arrays in their text form ({a,"b c",NULL}), the only way VND carries them (catalog array columns,
/// current_schemas, string_to_array): the subscript a[n] and x = ANY(a) become executor calls that read the text.
/// </summary>
internal sealed partial class ExprBinder
{
    /// <summary>The executor's name for a[n]: not in the function catalog, so SQL cannot call it by name.</summary>
    public const string SubscriptFunction = "array_subscript";

    /// <summary>The executor's name for x = ANY(a), likewise internal.</summary>
    public const string AnyEqualsFunction = "array_any_equals";

    private BoundExpr BindSubscript(SubscriptExpr s)
    {
        if (s.IsSlice || s.Lower is null)
        {
            throw BinderErrors.Unsupported("array slices", s);
        }
        var array = ArrayText(Bind(s.Operand), s.Operand, "cannot subscript type {0} because it does not support subscripting");
        var index = Coerce(Bind(s.Lower), SqlType.Int4, s.Lower, softly: true);
        if (index.Type.Id is not (TypeId.Int4 or TypeId.Int2))
        {
            throw BinderErrors.Error(SqlState.DatatypeMismatch, "array subscript must have type integer", s.Lower);
        }
        return new BoundCall($"{SubscriptFunction}(text,int4)", SubscriptFunction, CallKind.Function, [array, Coerce(index, SqlType.Int4, s.Lower)], SqlType.Text);
    }

    /// <summary>
    /// x = ANY(array text) for x of text, an integer type or oid: the executor reads each element as a value of x's
    /// type (other types would need their input functions); &lt;&gt; ALL is its negation under SQL's three-valued logic.
    /// </summary>
    private BoundExpr BindAnyOfArrayText(QuantifiedExpr q, bool negated)
    {
        var array = ArrayText(Bind(q.Right), q.Right, "op ANY/ALL (array) requires array on right side, not {0}");
        var value = Bind(q.Left);
        // An untyped literal or parameter takes the array's element type, which the text form says is text.
        value = TypeRules.IsUnknown(value.Type) ? Coerce(value, SqlType.Text, q.Left) : value;
        if (value.Type.Id is not (TypeId.Text or TypeId.Int2 or TypeId.Int4 or TypeId.Int8 or TypeId.Oid))
        {
            throw BinderErrors.Unsupported($"{q.Operator} {q.Quantifier.ToString().ToUpperInvariant()} over an array of {value.Type.PgName}", q);
        }
        var call = new BoundCall($"{AnyEqualsFunction}({value.Type.Id.ToString().ToLowerInvariant()},text)", AnyEqualsFunction, CallKind.Function, [value, array], SqlType.Bool);
        return negated ? BoundCall.Operator("NOT", SqlType.Bool, call) : call;
    }

    /// <summary>An array operand must be text (the array text form); an untyped literal '{a,b}' is taken as one.</summary>
    private BoundExpr ArrayText(BoundExpr operand, SqlNode node, string notAnArray)
    {
        var array = Coerce(operand, SqlType.Text, node, softly: true);
        return array.Type.Id == TypeId.Text ? array
            : throw BinderErrors.Error(SqlState.DatatypeMismatch, string.Format(global::System.Globalization.CultureInfo.InvariantCulture, notAnArray, operand.Type.PgName), node);
    }
}
