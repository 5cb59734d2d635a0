using Vnd.Planner.Catalog;
using Vnd.Planner.Errors;
using Vnd.Planner.Logical;
using Vnd.Planner.Syntax.Ast;
using Vnd.Planner.Types;

namespace Vnd.Planner.Binding;

/// <summary>CAST, CASE, IN lists, quantified comparisons and subquery expressions.</summary>
internal sealed partial class ExprBinder
{
    private BoundExpr BindCast(CastExpr c)
    {
        var target = TypeRules.Resolve(c.Type);
        if (target.Id == TypeId.Array)
        {
            return BindArrayCast(c);
        }
        var operand = Bind(c.Operand);
        if (c.Type.Name is "regclass" or "regtype" or "regproc" or "regprocedure" or "regnamespace" or "regrole"
            && operand.Type.Id is TypeId.Text or TypeId.Unknown && BindNameLookup(c.Type.Name, operand, c.Operand) is { } oid)
        {
            return oid;
        }
        if (TypeRules.IsUnknown(operand.Type))
        {
            return Coerce(operand, target, c.Operand);
        }
        if (TypeRules.SameType(operand.Type, target))
        {
            return operand;
        }
        return TypeRules.CanExplicitlyCast(operand.Type, target)
            ? new BoundCast(operand, target)
            : throw BinderErrors.Error(BinderErrors.CannotCoerce, $"cannot cast type {operand.Type.PgName} to {target.PgName}", c);
    }

    /// <summary>
    /// x::t[]: a typed array is cast element by element, text (or an untyped '{…}') is read by array_in, and
    /// ARRAY[]::t[] is the empty array. Other operands cannot become arrays, as in PostgreSQL.
    /// </summary>
    private BoundExpr BindArrayCast(CastExpr c)
    {
        var target = ArrayTypes.Of(TypeRules.Resolve(c.Type).Element!, c.Type);
        if (c.Operand is ArrayExpr { Elements.Count: 0 })
        {
            return new BoundCast(new BoundLiteral("{}", SqlType.Text), target);
        }
        var operand = Bind(c.Operand);
        if (operand.Type.Id == TypeId.Array)
        {
            return TypeRules.SameType(operand.Type, target) ? operand : new BoundCast(operand, target);
        }
        return operand.Type.Id == TypeId.Text || TypeRules.IsUnknown(operand.Type)
            ? new BoundCast(Coerce(operand, SqlType.Text, c.Operand), target)
            : throw BinderErrors.Error(BinderErrors.CannotCoerce, $"cannot cast type {operand.Type.PgName} to {target.PgName}", c);
    }

    /// <summary>
    /// 'pg_class'::regclass: text to an object's OID is a name look-up only the catalog can do, through its function
    /// named like the type (PostgreSQL's regclass(text)); null when the catalog has none (then the cast parses digits).
    /// </summary>
    private BoundExpr? BindNameLookup(string type, BoundExpr operand, SqlNode node)
    {
        var candidates = _context.Catalog.FindFunctions(type);
        var resolution = FunctionResolver.Resolve(candidates.Where(f => f.Kind == FunctionKind.Scalar), [SqlType.Text]);
        if (resolution is null)
        {
            return null;
        }
        var argument = TypeRules.IsUnknown(operand.Type) ? Coerce(operand, SqlType.Text, node) : operand;
        return Expanded(new BoundCall(resolution.Signature.Id, type, CallKind.Function, [argument], resolution.ReturnType), candidates);
    }

    private BoundExpr BindCase(CaseExpr c) => _setReturningBlockedBy is null ? Blocking("CASE", () => BindCaseForm(c)) : BindCaseForm(c);

    private BoundExpr BindCaseForm(CaseExpr c)
    {
        var operand = c.Operand is null ? null : Bind(c.Operand);
        var conditions = new List<BoundExpr>();
        var results = new List<BoundExpr>();
        foreach (var when in c.Whens)
        {
            var condition = operand is null ? Bind(when.Condition) : TypeOperator("=", operand, Bind(when.Condition), when);
            condition = Coerce(condition, SqlType.Bool, when, softly: true);
            TypeRules.RequireBoolean(condition.Type, "CASE/WHEN", when.Condition);
            conditions.Add(condition);
            results.Add(Bind(when.Result));
        }
        var otherwise = c.Else is null ? null : Bind(c.Else);
        var all = otherwise is null ? results : [.. results, otherwise];
        var type = CommonTypeOf(all, "CASE", c);
        var whens = SqlList.From(conditions.Select((cond, i) => new BoundWhen(cond, Coerce(results[i], type, c))));
        return new BoundCase(whens, otherwise is null ? null : Coerce(otherwise, type, c), type);
    }

    /// <summary>select_common_type: all unknown → text; otherwise the type every item can be implicitly cast to.</summary>
    public static SqlType CommonTypeOf(IReadOnlyList<BoundExpr> items, string construct, SqlNode node)
    {
        var type = SqlType.Unknown;
        foreach (var item in items)
        {
            var next = TypeRules.CommonType(type, item.Type);
            if (next is null)
            {
                throw BinderErrors.Error(SqlState.DatatypeMismatch, $"{construct} types {type.PgName} and {item.Type.PgName} cannot be matched", node);
            }
            type = next;
        }
        return TypeRules.IsUnknown(type) ? SqlType.Text : type;
    }

    private BoundExpr BindInList(InListExpr i)
    {
        if (i.Operand is RowExpr)
        {
            return BindRowInList(i);
        }
        var operand = Bind(i.Operand);
        var items = i.Items.Select(Bind).ToList();
        var type = CommonTypeOf([operand, .. items], "IN", i);
        var coerced = SqlList.From(items.Select(item => Coerce(item, type, i)));
        return new BoundInList(Coerce(operand, type, i), coerced, i.Negated);
    }

    /// <summary>
    /// The scope a subquery in this expression correlates with. Inside an aggregate's arguments the rows are the
    /// group's input rows, so there a subquery sees this level's columns ungrouped: PostgreSQL runs
    /// <c>sum((select count(*) from t b where b.x > a.x))</c> once per input row of <c>a</c>, and the reference to
    /// <c>a.x</c> is not a GROUP BY violation.
    /// </summary>
    private Scope SubqueryScope => InsideAggregate && Scope.Grouping is not null ? Scope.Ungrouped() : Scope;

    private BoundExpr BindScalarSubquery(SubqueryExpr s)
    {
        var plan = _queries.BindSubquery(s.Query, SubqueryScope, Ctes);
        if (plan.Output.Count != 1)
        {
            throw BinderErrors.Error(SqlState.SyntaxError, "subquery must return only one column", s);
        }
        return new BoundSubquery(SubqueryKind.Scalar, plan, null, false, plan.Output[0].Type);
    }

    /// <summary>ARRAY(SELECT x …): one column, any number of rows; see <see cref="SubqueryKind.Array"/> for its type.</summary>
    private BoundExpr BindArraySubquery(ArraySubqueryExpr a)
    {
        var plan = _queries.BindSubquery(a.Subquery, SubqueryScope, Ctes);
        if (plan.Output.Count != 1)
        {
            throw BinderErrors.Error(SqlState.SyntaxError, "subquery must return only one column", a);
        }
        return new BoundSubquery(SubqueryKind.Array, plan, null, false, ArrayTypes.Of(plan.Output[0].Type, a));
    }

    private BoundExpr BindInSubquery(Expr operandAst, Query query, bool negated, SqlNode node)
    {
        if (operandAst is RowExpr row)
        {
            return BindRowInSubquery(row, query, negated, node);
        }
        var operand = Bind(operandAst);
        var plan = _queries.BindSubquery(query, SubqueryScope, Ctes);
        if (plan.Output.Count != 1)
        {
            throw BinderErrors.Error(SqlState.SyntaxError, plan.Output.Count > 1 ? "subquery has too many columns" : "subquery has too few columns", node);
        }
        var column = plan.Output[0];
        var common = TypeRules.CommonType(operand.Type, column.Type)
            ?? throw BinderErrors.Error(SqlState.UndefinedFunction, $"operator does not exist: {operand.Type.PgName} = {column.Type.PgName}", node);
        if (!TypeRules.SameType(common, column.Type))
        {
            var cast = _context.NewColumn(column.Name, common);
            plan = new Project(plan, [new ProjectItem(cast, new BoundCast(BoundColumn.Of(column), common))]);
        }
        return new BoundSubquery(SubqueryKind.In, plan, Coerce(operand, common, node), negated, SqlType.Bool);
    }

    /// <summary>
    /// = ANY (…) and &lt;&gt; ALL (…) are IN and NOT IN (over an array value: its elements). Other comparisons with a
    /// subquery are <see cref="SubqueryKind.Quantified"/>; with an ARRAY[…] constructor they expand to the OR (ANY)
    /// or AND (ALL) of one comparison per element, which is their definition, NULLs included, when the left side
    /// is evaluated once per comparison without effect (a column, a constant, an operator over them).
    /// </summary>
    private BoundExpr BindQuantified(QuantifiedExpr q)
    {
        bool? negated = (q.Operator, q.Quantifier) switch
        {
            ("=", Quantifier.Any) => false,
            ("<>", Quantifier.All) => true,
            _ => null,
        };
        if (negated is { } n)
        {
            return q.Right switch
            {
                SubqueryExpr s => BindInSubquery(q.Left, s.Query, n, q),
                ArrayExpr a => BindInList(new InListExpr(q.Left, a.Elements, n) { Position = q.Position }),
                _ => BindAnyOfArrayText(q, n),
            };
        }
        if (!QuantifiedComparisons.Contains(q.Operator))
        {
            // Other boolean operators (~, <<, @>, …) over ARRAY[…] are their definition expanded; over an array
            // value or a subquery the executor has no kernel for them.
            return q.Right is ArrayExpr other && other.Elements.Count > 0 && EvaluatedOnce(q.Left) && ExpandableOperators.Contains(q.Operator)
                ? Bind(ExpandQuantified(q, other))
                : throw BinderErrors.Unsupported($"{q.Operator} {q.Quantifier.ToString().ToUpperInvariant()}", q);
        }
        return q.Right switch
        {
            SubqueryExpr s => BindQuantifiedSubquery(q, s.Query),
            ArrayExpr a when a.Elements.Count > 0 && EvaluatedOnce(q.Left) => Bind(ExpandQuantified(q, a)),
            _ => BindQuantifiedArray(q),
        };
    }

    private static readonly HashSet<string> QuantifiedComparisons = new(StringComparer.Ordinal) { "=", "<>", "!=", "<", "<=", ">", ">=" };

    /// <summary>Boolean operators other than the comparisons that x op ANY|ALL (ARRAY[…]) may expand.</summary>
    private static readonly HashSet<string> ExpandableOperators = new(StringComparer.Ordinal)
    {
        "~", "~*", "!~", "!~*", "~~", "~~*", "!~~", "!~~*", "<<", "<<=", ">>", ">>=", "&&", "@>", "<@",
    };

    /// <summary>
    /// x op ANY|ALL (a) over a typed array value: x and the elements take their common type, which must be one the
    /// comparisons order; an untyped literal '{…}' or parameter on the right is an array of x's type.
    /// </summary>
    private BoundExpr BindQuantifiedArray(QuantifiedExpr q)
    {
        var value = Bind(q.Left);
        var right = Bind(q.Right);
        if (TypeRules.IsUnknown(right.Type) && !TypeRules.IsUnknown(value.Type))
        {
            right = Coerce(right, ArrayTypes.Of(value.Type, q.Right), q.Right);
        }
        var quantifier = q.Quantifier.ToString().ToUpperInvariant();
        if (right.Type.Id != TypeId.Array)
        {
            // Catalog arrays (int2vector, oidvector) are text here: only = ANY reads them.
            throw right.Type.Id == TypeId.Text
                ? BinderErrors.Unsupported($"{q.Operator} {quantifier} over an array of text form", q)
                : BinderErrors.Error("42809", "op ANY/ALL (array) requires array on right side", q);
        }
        var op = q.Operator == "!=" ? "<>" : q.Operator;
        var element = right.Type.Element!;
        var common = TypeRules.IsUnknown(value.Type) ? element : TypeRules.CommonType(value.Type, element);
        if (common is null || !QuantifiedComparable(common))
        {
            throw BinderErrors.Error(SqlState.UndefinedFunction, $"operator does not exist: {value.Type.PgName} {op} {element.PgName}", q);
        }
        var type = SqlType.ArrayOf(common);
        var array = TypeRules.SameType(right.Type, type) ? right : new BoundCast(right, type);
        var stem = op switch { "=" => "eq", "<>" => "ne", "<" => "lt", "<=" => "le", ">" => "gt", _ => "ge" };
        var name = QuantifiedFunction + stem + (q.Quantifier == Quantifier.All ? "_all" : "_any");
        return new BoundCall($"{name}({ArrayTypes.Label(common)},{ArrayTypes.Label(common)}[])", name, CallKind.Function,
            [Coerce(value, common, q.Left), array], SqlType.Bool);
    }

    /// <summary>x op ANY (ARRAY[a, b]) as (x op a) OR (x op b); ALL as AND.</summary>
    private static Expr ExpandQuantified(QuantifiedExpr q, ArrayExpr array)
    {
        var op = q.Quantifier == Quantifier.All ? "AND" : "OR";
        Expr result = new BinaryExpr(q.Operator, q.Left, array.Elements[0]) { Position = q.Position };
        for (var i = 1; i < array.Elements.Count; i++)
            result = new BinaryExpr(op, result, new BinaryExpr(q.Operator, q.Left, array.Elements[i]) { Position = q.Position }) { Position = q.Position };
        return result;
    }

    /// <summary>Whether repeating an expression cannot change what it means: no function calls (volatile ones would run per copy), no subqueries.</summary>
    private static bool EvaluatedOnce(Expr expr) => expr switch
    {
        ColumnRef or IntegerLiteral or NumericLiteral or StringLiteral or BooleanLiteral or NullLiteral or TypedLiteral or ParameterRef => true,
        CastExpr c => EvaluatedOnce(c.Operand),
        UnaryExpr u => EvaluatedOnce(u.Operand),
        BinaryExpr b => EvaluatedOnce(b.Left) && EvaluatedOnce(b.Right),
        _ => false,
    };

    /// <summary>Types whose ordering the executor's row-at-a-time comparison of a quantified subquery knows.</summary>
    private static bool QuantifiedComparable(SqlType type) => type.Id is TypeId.Bool or TypeId.Int2 or TypeId.Int4 or TypeId.Int8
        or TypeId.Float4 or TypeId.Float8 or TypeId.Numeric or TypeId.Text or TypeId.Oid or TypeId.MacAddr
        or TypeId.Date or TypeId.Time or TypeId.Timestamp or TypeId.TimestampTz or TypeId.Interval or TypeId.Inet or TypeId.Cidr
        or TypeId.Bytea;

    private BoundExpr BindQuantifiedSubquery(QuantifiedExpr q, Query query)
    {
        var operand = Bind(q.Left);
        var plan = _queries.BindSubquery(query, SubqueryScope, Ctes);
        if (plan.Output.Count != 1)
        {
            throw BinderErrors.Error(SqlState.SyntaxError, plan.Output.Count > 1 ? "subquery has too many columns" : "subquery has too few columns", q);
        }
        var column = plan.Output[0];
        var op = q.Operator == "!=" ? "<>" : q.Operator;
        var common = TypeRules.CommonType(operand.Type, column.Type);
        if (common is null || !QuantifiedComparable(common))
        {
            throw BinderErrors.Error(SqlState.UndefinedFunction, $"operator does not exist: {operand.Type.PgName} {op} {column.Type.PgName}", q);
        }
        if (!TypeRules.SameType(common, column.Type))
        {
            var cast = _context.NewColumn(column.Name, common);
            plan = new Project(plan, [new ProjectItem(cast, new BoundCast(BoundColumn.Of(column), common))]);
        }
        return new BoundSubquery(SubqueryKind.Quantified, plan, Coerce(operand, common, q), false, SqlType.Bool)
        {
            Comparison = op,
            All = q.Quantifier == Quantifier.All,
        };
    }
}
