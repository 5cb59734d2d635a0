using Vnd.Planner.Catalog;
using Vnd.Planner.Errors;
using Vnd.Planner.Logical;
using Vnd.Planner.Syntax.Ast;
using Vnd.Planner.Types;

namespace Vnd.Planner.Binding;

/// <summary>Function calls: scalar overloads, aggregates (registered with the grouping) and window functions.</summary>
internal sealed partial class ExprBinder
{
    private BoundExpr BindFunction(FunctionCall f)
    {
        if (NamedArguments.Present(f))
        {
            f = NamedArguments.ToPositional(f);
        }
        if (f.Name is ["grouping"] && f.Over is null)
        {
            return BindGroupingFunction(f);
        }
        if (SetFunctionBinding.Handles(f))
        {
            return BindSetReturning(f);
        }
        if (f.Name is [.., "coalesce"] && _setReturningBlockedBy is null)
        {
            return Blocking("COALESCE", () => BindFunction(f));
        }
        if (f.Name.Count > 1 && f.Name[0] != "pg_catalog")
        {
            throw BinderErrors.Error(SqlState.UndefinedFunction, $"function {string.Join('.', f.Name)} does not exist", f);
        }
        var name = f.Name[^1];
        var candidates = _context.Catalog.FindFunctions(name);
        var isAggregate = candidates.Any(c => c.Kind == FunctionKind.Aggregate);
        if (name is "json_agg" or "jsonb_agg" && f.Over is null && f.Arguments.Count == 1 && !f.Star && f.WithinGroup.Count == 0)
        {
            return Bind(JsonAggregate(f, name == "jsonb_agg"));
        }
        if (f.Over is not null)
        {
            return BindWindow(f, name, candidates);
        }
        if (isAggregate)
        {
            return BindAggregate(f, name, candidates);
        }
        if (candidates.Any(c => c.Kind == FunctionKind.Window))
        {
            throw BinderErrors.Error(SqlState.SyntaxError, $"window function {name} requires an OVER clause", f);
        }
        if (f.Distinct || f.Filter is not null || f.OrderBy.Count > 0 || f.WithinGroup.Count > 0 || f.Star)
        {
            throw BinderErrors.Error("42809", $"{(f.Star ? "*" : f.Distinct ? "DISTINCT" : f.Filter is not null ? "FILTER" : "ORDER BY")} specified, but {name} is not an aggregate function", f);
        }
        var arguments = f.Arguments.Select(Bind).ToList();
        if (name is "coalesce" or "greatest" or "least")
        {
            // PostgreSQL types these with select_common_type, as CASE: no common type is 42804 naming the
            // construct ("COALESCE types text and integer cannot be matched"), not a missing function (42883).
            CommonTypeOf(arguments, name.ToUpperInvariant(), f);
        }
        if (name is "num_nulls" or "num_nonnulls" && arguments.Count > 0)
        {
            // VARIADIC "any": the arguments keep their own types, none is cast to another's.
            var settled = SqlList.From(arguments.Select((a, i) => Settle(a, f.Arguments[i])));
            return new BoundCall($"{name}(any,...)", name, CallKind.Function, settled, SqlType.Int4);
        }
        if (BindJsonFunction(name, arguments, f) is { } json)
        {
            return json;
        }
        if (name == "pg_typeof" && arguments.Count == 1)
        {
            // The argument's type as bound (PostgreSQL returns regtype, which prints as the type's name).
            return new BoundLiteral(arguments[0].Type.PgName, SqlType.Text);
        }
        if (name is "concat" or "concat_ws" or "format")
        {
            // VARIADIC "any": each value goes in as its output text (bool t/f, inet without /32), not its text cast.
            for (var i = name == "concat" ? 0 : 1; i < arguments.Count; i++)
            {
                if (arguments[i].Type.Id is not (TypeId.Text or TypeId.Unknown or TypeId.Null))
                    arguments[i] = new BoundCall("vnd_output_text(any)", "vnd_output_text", CallKind.Function, [arguments[i]], SqlType.Text);
            }
        }
        if (name is "ceil" or "ceiling" or "floor" && arguments.Count == 1 && arguments[0].Type.Id is TypeId.Timestamp or TypeId.TimestampTz)
        {
            // VND extension (the paper's "ceil(ts)"): PostgreSQL has no ceil(timestamptz). It means whole epoch
            // seconds: ceil(date_part('epoch', ts)) → float8, so GROUP BY ceil(ts) buckets packets per second.
            var epoch = new BoundCall($"date_part(text,{arguments[0].Type.Id.ToString().ToLowerInvariant()})", "date_part", CallKind.Function,
                [new BoundLiteral("epoch", SqlType.Text), arguments[0]], SqlType.Float8);
            return new BoundCall($"{name}(float8)", name, CallKind.Function, [epoch], SqlType.Float8);
        }
        return Expanded(Call(name, candidates.Where(c => c.Kind == FunctionKind.Scalar), arguments, f, CallKind.Function), candidates);
    }

    /// <summary>A catalog function with <see cref="FunctionSignature.Expand"/> becomes the expression it builds.</summary>
    private static BoundExpr Expanded(BoundCall call, IReadOnlyList<FunctionSignature> candidates)
    {
        foreach (var candidate in candidates)
        {
            if (candidate.Expand is { } expand && candidate.Id == call.FunctionId)
            {
                return expand(call.Arguments);
            }
        }
        return call;
    }

    /// <summary>A parameterless catalog function reached through SQL's special syntax (current_user, session_user, …).</summary>
    private BoundExpr? BindCatalogSpecial(SpecialValue v)
    {
        var candidates = _context.Catalog.FindFunctions(v.Name);
        var resolution = FunctionResolver.Resolve(candidates.Where(c => c.Kind == FunctionKind.Scalar), []);
        return resolution is null ? null
            : Expanded(new BoundCall(resolution.Signature.Id, v.Name, CallKind.Function, SqlList<BoundExpr>.Empty, resolution.ReturnType), candidates);
    }

    private BoundCall Call(string name, IEnumerable<FunctionSignature> candidates, List<BoundExpr> arguments, FunctionCall f, CallKind kind)
    {
        var resolution = FunctionResolver.Resolve(candidates, arguments.Select(a => a.Type).ToList())
            ?? throw NoSuchFunction(name, arguments, f);
        var coerced = SqlList.From(arguments.Select((a, i) => Coerce(a, resolution.ArgumentTypes[i], f)));
        return new BoundCall(resolution.Signature.Id, name, kind, coerced, resolution.ReturnType);
    }

    private static SqlException NoSuchFunction(string name, IEnumerable<BoundExpr> arguments, FunctionCall f) =>
        BinderErrors.Error(SqlState.UndefinedFunction,
            $"function {name}({string.Join(", ", arguments.Select(a => a.Type.PgName))}) does not exist", f);

    /// <summary>
    /// A set-returning function: in a SELECT list one of its <see cref="SelectListSets"/>; elsewhere PostgreSQL's
    /// 0A000 (in aggregates, CASE and COALESCE too, which would have to run it conditionally or per group).
    /// </summary>
    private BoundExpr BindSetReturning(FunctionCall f)
    {
        if (SetReturning is not null && _setReturningBlockedBy is null && !InsideAggregate)
        {
            return SetReturning.Bind(f, this);
        }
        var message = InsideAggregate ? "aggregate function calls cannot contain set-returning function calls"
            : _setReturningBlockedBy == WindowArguments ? "window function calls cannot contain set-returning function calls"
            : _setReturningBlockedBy is { } construct ? $"set-returning functions are not allowed in {construct}"
            : Clause == "functions in FROM" ? "set-returning functions must appear at top level of FROM"
            : $"set-returning functions are not allowed in {Clause}";
        throw BinderErrors.Error(Errors.SqlState.FeatureNotSupported, message, f);
    }

    private BoundExpr BindAggregate(FunctionCall f, string name, IReadOnlyList<FunctionSignature> candidates)
    {
        if (InsideAggregate)
        {
            throw BinderErrors.Error(BinderErrors.GroupingError, "aggregate function calls cannot be nested", f);
        }
        if (Grouping is null && !Probe)
        {
            throw BinderErrors.Error(BinderErrors.GroupingError, $"aggregate functions are not allowed in {Clause}", f);
        }
        if (f.OrderBy.Count > 0 && f.WithinGroup.Count > 0)
        {
            throw BinderErrors.Error(Errors.SqlState.SyntaxError, "cannot use multiple ORDER BY clauses with WITHIN GROUP", f);
        }
        var inner = Derive("aggregate", insideAggregate: true);
        var arguments = f.Arguments.Select(a => name == "count" && f.Arguments.Count == 1 && a is RowExpr row ? inner.BindRecordKey(row, f.Distinct) : inner.Bind(a)).ToList();
        var filter = f.Filter is null ? null : inner.BindPredicate(f.Filter, "FILTER");
        BoundAggregate call;
        if (f.WithinGroup.Count > 0)
        {
            call = BindOrderedSet(f, name, inner, arguments, filter);
        }
        else
        {
            if (f.Star && name != "count")
            {
                throw BinderErrors.Error("42809", $"{name}(*) specified, but {name} is not a parameterless aggregate function", f);
            }
            if (OrderedSet(name))
            {
                throw BinderErrors.Error("42809", $"WITHIN GROUP is required for ordered-set aggregate {name}", f);
            }
            var resolved = Call(name, candidates.Where(c => c.Kind == FunctionKind.Aggregate), arguments, f, CallKind.Function);
            var order = SqlList.From(f.OrderBy.Select(inner.BindSortKey));
            call = new BoundAggregate(resolved.FunctionId, name, resolved.Arguments, f.Distinct, filter, resolved.Type)
            {
                OrderBy = OrderSensitive(name) ? order : SqlList<SortKey>.Empty,
            };
            if (f.Distinct && call.OrderBy.Count > 0 && call.OrderBy.Any(k => !call.Arguments.Contains(k.Expr)))
            {
                throw BinderErrors.Error("42P10", "in an aggregate with DISTINCT, ORDER BY expressions must appear in argument list", f);
            }
        }
        return Probe ? call : Grouping!.AddAggregate(_context, call);
    }

    /// <summary>
    /// Aggregates whose result depends on the order of their input. ORDER BY inside any other aggregate call changes
    /// nothing in its answer (PostgreSQL sorts and gets the same count, sum or min), so it is bound only for these;
    /// the keys are bound all the same, for their errors (unknown columns, aggregates inside).
    /// </summary>
    private static bool OrderSensitive(string name) => name is "string_agg" or "array_agg";

    private static bool OrderedSet(string name) => name is "percentile_cont" or "percentile_disc" or "mode";

    /// <summary>percentile_cont(fraction) WITHIN GROUP (ORDER BY x): cont over float8 → float8, disc keeps x's type;
    /// mode() WITHIN GROUP (ORDER BY x): the most frequent x.</summary>
    private BoundAggregate BindOrderedSet(FunctionCall f, string name, ExprBinder inner, List<BoundExpr> arguments, BoundExpr? filter)
    {
        if (name == "mode" && arguments.Count == 0 && f.WithinGroup.Count == 1)
        {
            var value = inner.BindSortKey(f.WithinGroup[0]);
            return new BoundAggregate($"mode() within group ({value.Expr.Type.Id.ToString().ToLowerInvariant()})", name, [], false, filter, value.Expr.Type)
            {
                WithinGroup = [value],
            };
        }
        if (name is not ("percentile_cont" or "percentile_disc") || arguments.Count != 1 || f.WithinGroup.Count != 1)
        {
            throw BinderErrors.Unsupported($"WITHIN GROUP for {name}", f);
        }
        // percentile_cont(float8[]): several percentiles of one sort, an array of results in the fractions' order.
        var several = arguments[0].Type.Id == TypeId.Array;
        var fraction = several ? new BoundCast(arguments[0], SqlType.ArrayOf(SqlType.Float8)) : Coerce(arguments[0], SqlType.Float8, f);
        var key = inner.BindSortKey(f.WithinGroup[0]);
        if (name == "percentile_cont")
        {
            key = key with { Expr = Coerce(key.Expr, SqlType.Float8, f) };
        }
        var result = several ? SqlType.ArrayOf(key.Expr.Type) : key.Expr.Type;
        return new BoundAggregate($"{name}({(several ? "float8[]" : "float8")}) within group ({key.Expr.Type.Id.ToString().ToLowerInvariant()})", name, [fraction], false, filter, result)
        {
            WithinGroup = [key],
        };
    }

    public SortKey BindSortKey(OrderItem item) => MakeSortKey(Settle(Bind(item.Expr), item.Expr), item);

    public static SortKey MakeSortKey(BoundExpr expr, OrderItem item)
    {
        var descending = item.UsingOperator is null ? item.Direction == SortDirection.Descending : UsingDescends(expr, item);
        var nullsFirst = item.Nulls == NullsOrder.Default ? descending : item.Nulls == NullsOrder.First;
        return new SortKey(expr, descending, nullsFirst);
    }

    /// <summary>
    /// ORDER BY x USING op: PostgreSQL accepts only the "&lt;" and "&gt;" members of a btree operator family, i.e. the
    /// type's ascending and descending orders (NULLS defaulting as for ASC and DESC); other comparison operators are
    /// 42809, anything else 42883 as an operator that does not exist for the type.
    /// </summary>
    private static bool UsingDescends(BoundExpr expr, OrderItem item) => item.UsingOperator switch
    {
        "<" => false,
        ">" => true,
        "=" or "<>" or "!=" or "<=" or ">=" => throw new SqlException("42809",
            $"operator {item.UsingOperator} is not a valid ordering operator", item.UsingPosition + 1),
        _ => throw new SqlException(SqlState.UndefinedFunction,
            $"operator does not exist: {expr.Type.PgName} {item.UsingOperator} {expr.Type.PgName}", item.UsingPosition + 1),
    };

    /// <summary>The construct blocking set-returning functions in a window call's arguments (its own message).</summary>
    private const string WindowArguments = "window function arguments";

    /// <summary>Window aggregates whose first argument's NULLs are collected, not skipped: FILTER cannot become a CASE.</summary>
    private static readonly HashSet<string> NullCollecting = new(StringComparer.Ordinal)
    {
        "array_agg", "json_agg", "jsonb_agg", "json_object_agg", "jsonb_object_agg",
    };

    /// <summary>
    /// agg(x) FILTER (WHERE p) OVER … as agg(CASE WHEN p THEN x END) OVER …: the aggregates this applies to skip
    /// NULL inputs, so a row the filter rejects contributes nothing to any frame, which is FILTER's meaning;
    /// count(*) becomes count(CASE WHEN p THEN 1 END). PostgreSQL has no FILTER on non-aggregate window functions.
    /// </summary>
    private static FunctionCall WithoutFilter(FunctionCall f, string name, IReadOnlyList<FunctionSignature> candidates)
    {
        if (!candidates.Any(c => c.Kind == FunctionKind.Aggregate))
            throw BinderErrors.Error(SqlState.FeatureNotSupported, "FILTER is not implemented for non-aggregate window functions", f);
        if (NullCollecting.Contains(name))
            throw BinderErrors.Unsupported($"FILTER in a window call of {name}", f);
        Expr Filtered(Expr value) => new CaseExpr(null, [new WhenClause(f.Filter!, value) { Position = f.Filter!.Position }], null) { Position = value.Position };
        if (f.Star)
            return f with { Star = false, Filter = null, Arguments = [Filtered(new IntegerLiteral(1) { Position = f.Position })] };
        if (f.Arguments.Count == 0)
            throw BinderErrors.Unsupported($"FILTER in a window call of {name}", f);
        return f with { Filter = null, Arguments = SqlList.From(f.Arguments.Select((a, i) => i == 0 ? Filtered(a) : a)) };
    }

    private BoundExpr BindWindow(FunctionCall f, string name, IReadOnlyList<FunctionSignature> candidates)
    {
        // Inside an aggregate first: PostgreSQL reports sum(row_number() OVER ()) as a grouping error (42803).
        if (InsideAggregate)
        {
            throw BinderErrors.Error(BinderErrors.GroupingError, "aggregate function calls cannot contain window function calls", f);
        }
        if (Windows is null && !Probe)
        {
            throw BinderErrors.Error("42P20", $"window functions are not allowed in {Clause}", f);
        }
        if (f.Filter is not null && !f.Distinct && f.OrderBy.Count == 0 && f.WithinGroup.Count == 0)
        {
            f = WithoutFilter(f, name, candidates);
        }
        if (f.Distinct || f.Filter is not null || f.OrderBy.Count > 0 || f.WithinGroup.Count > 0)
        {
            throw BinderErrors.Unsupported("DISTINCT, FILTER or ORDER BY in a window function call", f);
        }
        var spec = f.Over!;
        if (spec.ReferenceName is not null)
        {
            spec = Windows?.Resolve(spec, f)
                ?? throw BinderErrors.Error(BinderErrors.UndefinedObject, $"window \"{spec.ReferenceName}\" does not exist", f);
        }
        var arguments = _setReturningBlockedBy is null ? Blocking(WindowArguments, () => f.Arguments.Select(Bind).ToList()) : f.Arguments.Select(Bind).ToList();
        var kinds = candidates.Where(c => c.Kind is FunctionKind.Window or FunctionKind.Aggregate && !OrderedSet(name));
        var resolved = Call(name, kinds, arguments, f, CallKind.Function);
        var isAggregate = candidates.Any(c => c.Kind == FunctionKind.Aggregate);
        // Set-returning functions here run below the Window (PostgreSQL).
        var sets = SetReturning;
        var partition = SqlList.From(spec.PartitionBy.Select(p => sets is null ? Settle(Bind(p), p) : sets.InWindowDefinition(() => Settle(Bind(p), p))));
        var order = SqlList.From(spec.OrderBy.Select(o => sets is null ? BindSortKey(o) : sets.InWindowDefinition(() => BindSortKey(o))));
        var call = new BoundWindowCall(resolved.FunctionId, name, resolved.Arguments, partition, order, BindFrame(spec, order), resolved.Type)
        {
            IsAggregate = isAggregate,
        };
        return Probe ? call : Windows!.Add(_context, call);
    }
}
