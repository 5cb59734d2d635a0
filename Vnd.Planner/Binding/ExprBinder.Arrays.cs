using Vnd.Planner.Errors;
using Vnd.Planner.Logical;
using Vnd.Planner.Syntax.Ast;
using Vnd.Planner.Types;

namespace Vnd.Planner.Binding;

/// <summary>
/// Arrays: typed one-dimensional arrays (ARRAY[…], array_agg, ARRAY(subquery), casts to t[]) and, for catalog
/// columns (int2vector, oidvector, reloptions) and string_to_array, the array text form ({a,"b c",NULL}). The
/// subscript a[n], x = ANY(a) and the array functions become executor calls over either form.
/// </summary>
internal sealed partial class ExprBinder
{
    /// <summary>The executor's name for a[n]: not in the function catalog, so SQL cannot call it by name.</summary>
    public const string SubscriptFunction = "array_subscript";

    /// <summary>The executor's name for x = ANY(a), likewise internal.</summary>
    public const string AnyEqualsFunction = "array_any_equals";

    /// <summary>The executor's name for a[n] over a typed array, likewise internal.</summary>
    public const string ElementFunction = "array_element";

    /// <summary>The executor's name for x = ANY(a) over a typed array, likewise internal.</summary>
    public const string AnyFunction = "array_any";

    /// <summary>
    /// The stem of the executor's names for x op ANY|ALL (a) over a typed array with the other comparisons:
    /// array_quantified_{eq|ne|lt|le|gt|ge}_{any|all}, likewise internal.
    /// </summary>
    public const string QuantifiedFunction = "array_quantified_";

    /// <summary>The executor's name for ARRAY[a, b, …], likewise internal: the text form of its arguments' values.</summary>
    public const string ConstructorFunction = "array_construct";

    /// <summary>PostgreSQL's array_cat, behind array || array.</summary>
    public const string ConcatFunction = "array_cat";

    /// <summary>
    /// ARRAY[a, b, …]: the elements take their common type (unknown literals become text) and the value is a typed
    /// one-dimensional array of it. Nested ARRAY[[…]] and arrays of arrays (several dimensions) are 0A000.
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
        var type = ArrayTypes.Of(common, a);
        var typed = elements.Select((e, i) => Coerce(e, common, a.Elements[i])).ToList();
        return new BoundCall($"{ConstructorFunction}({ArrayTypes.Label(common)},...)", ConstructorFunction, CallKind.Function, SqlList.From(typed), type);
    }

    /// <summary>Whether a text value is known to be an array's text form (so || concatenates arrays).</summary>
    private static bool IsArrayValued(BoundExpr e) =>
        e.Type.Id == TypeId.Array || e is BoundCall { Name: ConcatFunction or "string_to_array" };

    /// <summary>
    /// array || x: with the other side an array (a typed array, a text column such as reloptions or an untyped
    /// '{…}') the arrays are concatenated (array_cat: a NULL side is ignored); a value of another type is appended
    /// or prepended as one element. The result is an array of the typed side's element type (text when neither
    /// side is typed).
    /// </summary>
    private BoundExpr BindArrayConcat(BoundExpr left, BoundExpr right, SqlNode node)
    {
        var element = ConcatElement(left, right, node);
        var type = SqlType.ArrayOf(element);
        BoundExpr AsArray(BoundExpr side)
        {
            if (side.Type.Id == TypeId.Array)
            {
                return TypeRules.SameType(side.Type, type) ? side : new BoundCast(side, type);
            }
            if (IsArrayValued(side) || side.Type.Id == TypeId.Text || TypeRules.IsUnknown(side.Type))
            {
                return new BoundCast(Coerce(side, SqlType.Text, node), type);
            }
            return new BoundCall($"{ConstructorFunction}({ArrayTypes.Label(element)},...)", ConstructorFunction, CallKind.Function, [Coerce(side, element, node)], type);
        }
        return new BoundCall($"{ConcatFunction}({ArrayTypes.Label(element)}[],{ArrayTypes.Label(element)}[])", ConcatFunction, CallKind.Function, [AsArray(left), AsArray(right)], type);
    }

    /// <summary>The element type of array || x: the arrays' common element type, or the array's and the value's.</summary>
    private static SqlType ConcatElement(BoundExpr left, BoundExpr right, SqlNode node)
    {
        SqlType? Element(BoundExpr side, bool other) => side.Type.Id == TypeId.Array ? side.Type.Element
            : other && !IsArrayValued(side) && side.Type.Id != TypeId.Text && !TypeRules.IsUnknown(side.Type) ? side.Type : null;
        var leftArray = left.Type.Id == TypeId.Array;
        SqlType? a = Element(left, !leftArray && right.Type.Id == TypeId.Array), b = Element(right, leftArray);
        if (a is null || b is null)
        {
            return a ?? b ?? SqlType.Text;
        }
        return TypeRules.CommonType(a, b)
            ?? throw BinderErrors.Error(SqlState.UndefinedFunction, $"operator does not exist: {left.Type.PgName} || {right.Type.PgName}", node);
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
        var operand = Bind(s.Operand);
        var index = Coerce(Bind(s.Lower), SqlType.Int4, s.Lower, softly: true);
        if (index.Type.Id is not (TypeId.Int4 or TypeId.Int2))
        {
            throw BinderErrors.Error(SqlState.DatatypeMismatch, "array subscript must have type integer", s.Lower);
        }
        index = Coerce(index, SqlType.Int4, s.Lower);
        if (operand.Type.Id == TypeId.Array)
        {
            var element = operand.Type.Element!;
            return new BoundCall($"{ElementFunction}({ArrayTypes.Label(element)}[],int4)", ElementFunction, CallKind.Function, [operand, index], element);
        }
        var array = ArrayText(operand, s.Operand, "cannot subscript type {0} because it does not support subscripting");
        return new BoundCall($"{SubscriptFunction}(text,int4)", SubscriptFunction, CallKind.Function, [array, index], SqlType.Text);
    }

    /// <summary>
    /// x = ANY(array). Over a typed array (ARRAY[…], a t[] cast, an array parameter) x and the elements take their
    /// common type and are compared as values. Over an array text (catalog columns) x must be text, an integer type
    /// or oid and the executor reads each element as a value of x's type. &lt;&gt; ALL is the negation under SQL's
    /// three-valued logic.
    /// </summary>
    private BoundExpr BindAnyOfArrayText(QuantifiedExpr q, bool negated)
    {
        var right = Bind(q.Right);
        var value = Bind(q.Left);
        if (right is BoundParameter { Type.Id: TypeId.Unknown } && !TypeRules.IsUnknown(value.Type))
        {
            // = ANY($1): the parameter is an array of the left side's type, as PostgreSQL infers it.
            right = Coerce(right, ArrayTypes.Of(value.Type, q.Right), q.Right);
        }
        BoundExpr call;
        if (right.Type.Id == TypeId.Array)
        {
            var common = TypeRules.CommonType(value.Type, right.Type.Element!)
                ?? throw BinderErrors.Error(SqlState.UndefinedFunction, $"operator does not exist: {value.Type.PgName} = {right.Type.Element!.PgName}", q);
            var type = SqlType.ArrayOf(common);
            var array = TypeRules.SameType(right.Type, type) ? right : new BoundCast(right, type);
            call = new BoundCall($"{AnyFunction}({ArrayTypes.Label(common)},{ArrayTypes.Label(common)}[])", AnyFunction, CallKind.Function, [Coerce(value, common, q.Left), array], SqlType.Bool);
            return negated ? BoundCall.Operator("NOT", SqlType.Bool, call) : call;
        }
        var text = ArrayText(right, q.Right, "op ANY/ALL (array) requires array on right side, not {0}");
        // An untyped literal or parameter takes the array's element type, which the text form says is text.
        value = TypeRules.IsUnknown(value.Type) ? Coerce(value, SqlType.Text, q.Left) : value;
        if (value.Type.Id is not (TypeId.Text or TypeId.Int2 or TypeId.Int4 or TypeId.Int8 or TypeId.Oid))
        {
            throw BinderErrors.Unsupported($"{q.Operator} {q.Quantifier.ToString().ToUpperInvariant()} over an array of {value.Type.PgName}", q);
        }
        call = new BoundCall($"{AnyEqualsFunction}({ArrayTypes.Label(value.Type)},text)", AnyEqualsFunction, CallKind.Function, [value, text], SqlType.Bool);
        return negated ? BoundCall.Operator("NOT", SqlType.Bool, call) : call;
    }

    /// <summary>
    /// An array argument of unnest/_pg_expandarray bound as its text form (the expansion reads the text; catalog
    /// arrays are text already), with the element type the expanded values are cast back to.
    /// </summary>
    public BoundExpr BindArrayText(Expr expr, out SqlType element)
    {
        var bound = Bind(expr);
        element = bound.Type.Id == TypeId.Array ? bound.Type.Element! : SqlType.Text;
        return ArrayText(bound, expr, "function argument must be an array, not type {0}");
    }

    /// <summary>An array operand as text: a typed array is printed (array_out); an untyped literal '{a,b}' is taken as one.</summary>
    private BoundExpr ArrayText(BoundExpr operand, SqlNode node, string notAnArray)
    {
        if (operand.Type.Id == TypeId.Array)
        {
            return new BoundCast(operand, SqlType.Text);
        }
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
