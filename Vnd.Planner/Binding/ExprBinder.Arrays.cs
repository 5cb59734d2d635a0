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

    /// <summary>The executor's name for ARRAY[a, b, …], likewise internal: the text form of its arguments' values.</summary>
    public const string ConstructorFunction = "array_construct";

    /// <summary>PostgreSQL's array_cat, behind array || array.</summary>
    public const string ConcatFunction = "array_cat";

    /// <summary>
    /// ARRAY[a, b, …]: the elements take their common type (unknown literals become text) and the value is the
    /// array's text form, like every array in VND. Nested ARRAY[[…]] (several dimensions) is not supported.
    /// </summary>
    private BoundExpr BindArrayConstructor(ArrayExpr a)
    {
        if (a.Elements.Count == 0)
        {
            throw BinderErrors.Error("42P18", "cannot determine type of empty array", a);
        }
        var elements = new List<BoundExpr>();
        SqlType? common = null;
        foreach (var element in a.Elements)
        {
            var bound = element is ArrayExpr ? throw BinderErrors.Unsupported("multidimensional arrays", element) : Bind(element);
            elements.Add(bound);
            if (!TypeRules.IsUnknown(bound.Type))
            {
                common = common is null ? bound.Type : TypeRules.CommonType(common, bound.Type)
                    ?? throw BinderErrors.Error(SqlState.DatatypeMismatch, $"ARRAY types {common.PgName} and {bound.Type.PgName} cannot be matched", element);
            }
        }
        common ??= SqlType.Text;
        var typed = elements.Select((e, i) => Coerce(e, common, a.Elements[i])).ToList();
        var label = common.Id.ToString().ToLowerInvariant();
        return new BoundCall($"{ConstructorFunction}({label},...)", ConstructorFunction, CallKind.Function, SqlList.From(typed), SqlType.Text);
    }

    /// <summary>Whether a text value is known to be an array's text form (so || concatenates arrays).</summary>
    private static bool IsArrayValued(BoundExpr e) =>
        e is BoundSubquery { Kind: SubqueryKind.Array } or BoundCall { Name: ConstructorFunction or ConcatFunction or "string_to_array" };

    /// <summary>
    /// array || x: with the other side an array (an array-valued expression, a text column such as reloptions or an
    /// untyped '{…}') the arrays are concatenated (array_cat: a NULL side is ignored); a value of another type
    /// is appended or prepended as one element.
    /// </summary>
    private BoundExpr BindArrayConcat(BoundExpr left, BoundExpr right, SqlNode node)
    {
        BoundExpr AsArray(BoundExpr side) =>
            IsArrayValued(side) || side.Type.Id == TypeId.Text || TypeRules.IsUnknown(side.Type) ? Coerce(side, SqlType.Text, node)
            : new BoundCall($"{ConstructorFunction}({side.Type.Id.ToString().ToLowerInvariant()},...)", ConstructorFunction, CallKind.Function, [side], SqlType.Text);
        return new BoundCall($"{ConcatFunction}(text,text)", ConcatFunction, CallKind.Function, [AsArray(left), AsArray(right)], SqlType.Text);
    }

    /// <summary>
    /// An element taken by subscript from an array text is text; compared with an integer or oid it is read as
    /// that type, which is what the element type of the catalog's int2vector, oidvector and int2[]/oid[] columns
    /// makes PostgreSQL do (<c>attnum = indkey[0]</c>, <c>attnum = prattrs[s]</c>).
    /// </summary>
    private static BoundExpr ElementAs(BoundExpr element, BoundExpr other) =>
        element is BoundCall { Name: SubscriptFunction } && (other.Type.IsInteger || other.Type.Id == TypeId.Oid)
            ? new BoundCast(element, other.Type)
            : element;

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

    /// <summary>An array argument (of unnest in FROM and the like) bound as its text form.</summary>
    public BoundExpr BindArrayText(Expr expr) =>
        ArrayText(Bind(expr), expr, "function argument must be an array, not type {0}");

    /// <summary>An array operand must be text (the array text form); an untyped literal '{a,b}' is taken as one.</summary>
    private BoundExpr ArrayText(BoundExpr operand, SqlNode node, string notAnArray)
    {
        var array = Coerce(operand, SqlType.Text, node, softly: true);
        return array.Type.Id == TypeId.Text ? array
            : throw BinderErrors.Error(SqlState.DatatypeMismatch, string.Format(global::System.Globalization.CultureInfo.InvariantCulture, notAnArray, operand.Type.PgName), node);
    }

    /// <summary>
    /// (composite).field: a field of a composite built in this SELECT list is its value; a column holding one (a
    /// derived table's _pg_expandarray(…) AS keys) is read from its record text. Anything else is not composite.
    /// </summary>
    private BoundExpr BindFieldSelection(FieldSelectionExpr f)
    {
        var operand = Bind(f.Operand);
        if (f.Field == "*")
        {
            throw BinderErrors.Unsupported("(composite).*", f);
        }
        if (SetReturning?.FieldsOf(operand) is { } built)
        {
            foreach (var (name, value) in built)
            {
                if (name == f.Field)
                {
                    return value;
                }
            }
            throw BinderErrors.Error(SqlState.UndefinedColumn, $"column \"{f.Field}\" not found in data type record", f);
        }
        if (operand is BoundColumn column && _context.Composites.TryGetValue(column.Id, out var fields))
        {
            for (var i = 0; i < fields.Count; i++)
            {
                if (fields[i].Name == f.Field)
                {
                    var text = new BoundCall("record_field(text,int4)", "record_field", CallKind.Function, [operand, new BoundLiteral(i + 1, SqlType.Int4)], SqlType.Text);
                    return new BoundCast(text, fields[i].Type);
                }
            }
            throw BinderErrors.Error(SqlState.UndefinedColumn, $"column \"{f.Field}\" not found in data type record", f);
        }
        throw BinderErrors.Error("42809", $"column notation .{f.Field} applied to type {operand.Type.PgName}, which is not a composite type", f);
    }
}
