using System.Globalization;
using Vnd.Planner.Errors;
using Vnd.Planner.Logical;
using Vnd.Planner.Syntax.Ast;
using Vnd.Planner.Types;

namespace Vnd.Planner.Binding;

/// <summary>
/// Binds value expressions of one clause. In a grouped SELECT (<see cref="Grouping"/> set) an expression equal to a
/// GROUP BY key becomes the key's column and aggregates become aggregate-output columns, so what remains above the
/// Aggregate node references only its output.
/// </summary>
internal sealed partial class ExprBinder
{
    private readonly BindingContext _context;
    private readonly QueryBinder _queries;

    public ExprBinder(BindingContext context, QueryBinder queries, Scope scope, CteScope ctes, string clause)
    {
        _context = context;
        _queries = queries;
        Scope = scope;
        Ctes = ctes;
        Clause = clause;
    }

    public Scope Scope { get; }

    public CteScope Ctes { get; }

    /// <summary>The clause name used in "aggregate functions are not allowed in WHERE" style errors.</summary>
    public string Clause { get; }

    public Grouping? Grouping { get; init; }

    public WindowCollector? Windows { get; init; }

    /// <summary>Set-returning functions of a SELECT list; null where they are not allowed.</summary>
    public SelectListSets? SetReturning { get; init; }

    public bool InsideAggregate { get; init; }

    /// <summary>Binding only to compare with GROUP BY keys: aggregates and windows are built but not registered.</summary>
    public bool Probe { get; init; }

    /// <summary>The construct (CASE, COALESCE) being bound that cannot hold a set-returning function, or null.</summary>
    private string? _setReturningBlockedBy;

    /// <summary>
    /// Binds a clause's sub-binder; a probe (matching GROUP BY keys) keeps the SELECT list's set-returning functions,
    /// so an expression holding one is the same call either way.
    /// </summary>
    private ExprBinder Derive(string clause, bool insideAggregate = false, bool probe = false) =>
        new(_context, _queries, Scope, Ctes, clause)
        {
            InsideAggregate = insideAggregate || InsideAggregate,
            Probe = probe || Probe,
            SetReturning = probe ? SetReturning : null,
        };

    private T Blocking<T>(string construct, Func<T> bind)
    {
        _setReturningBlockedBy = construct;
        try
        {
            return bind();
        }
        finally
        {
            _setReturningBlockedBy = null;
        }
    }

    public BoundExpr Bind(Expr expr)
    {
        if (Grouping is { Keys.Count: > 0 } && !Probe && expr is not (ColumnRef or IntegerLiteral or NumericLiteral or StringLiteral
            or BooleanLiteral or NullLiteral or ParameterRef or SubqueryExpr or ExistsExpr or InSubqueryExpr or FunctionCall { Over: not null }))
        {
            var probed = Derive(Clause, probe: true).Bind(expr);
            var key = Grouping.MatchKey(probed);
            if (key is not null)
            {
                return key;
            }
        }
        return expr switch
        {
            ColumnRef c => BindColumn(c),
            IntegerLiteral i => i.Value is >= int.MinValue and <= int.MaxValue
                ? new BoundLiteral((int)i.Value, SqlType.Int4)
                : new BoundLiteral(i.Value, SqlType.Int8),
            NumericLiteral n => decimal.TryParse(n.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)
                ? new BoundLiteral(d, SqlType.Numeric)
                : new BoundLiteral(n.Text, SqlType.Numeric),
            StringLiteral s => new BoundLiteral(s.Value, SqlType.Unknown),
            BooleanLiteral b => b.Value ? BoundLiteral.True : BoundLiteral.False,
            NullLiteral => new BoundLiteral(null, SqlType.Unknown),
            TypedLiteral t => Literals.Convert(t.Value, TypeRules.Resolve(t.Type), t),
            ParameterRef p => BindParameter(p),
            SpecialValue v => BindSpecial(v),
            BinaryExpr b => BindBinary(b),
            UnaryExpr u => BindUnary(u),
            CastExpr c => BindCast(c),
            CaseExpr c => BindCase(c),
            InListExpr i => BindInList(i),
            IsExpr i => BindIs(i),
            IsDistinctFromExpr d => BindDistinctFrom(d),
            BetweenExpr b => BindBetween(b),
            LikeExpr l => BindLike(l),
            FunctionCall f => BindFunction(f),
            SubqueryExpr s => BindScalarSubquery(s),
            ArraySubqueryExpr a => BindArraySubquery(a),
            ArrayExpr a => BindArrayConstructor(a),
            FieldSelectionExpr f => BindFieldSelection(f),
            ExistsExpr e => new BoundSubquery(SubqueryKind.Exists, _queries.BindSubquery(e.Subquery, SubqueryScope, Ctes), null, false, SqlType.Bool),
            InSubqueryExpr i => BindInSubquery(i.Operand, i.Subquery, i.Negated, i),
            QuantifiedExpr q => BindQuantified(q),
            SubscriptExpr s => BindSubscript(s),
            StarExpr s => throw BinderErrors.Unsupported("* in this position", s),
            CollateExpr c => BindCollate(c),
            // PostgreSQL's grammar turns x AT TIME ZONE z into timezone(z, x).
            AtTimeZoneExpr a => BindFunction(new FunctionCall(SqlList.Create<string>(["timezone"]), SqlList.Create<Expr>([a.Zone, a.Operand])) { Position = a.Position }),
            NamedArgument n => throw BinderErrors.Unsupported("named notation (=>) in this position", n),
            _ => throw BinderErrors.Unsupported(expr.GetType().Name.Replace("Expr", "", StringComparison.Ordinal) + " expression", expr),
        };
    }

    /// <summary>Binds a predicate clause (WHERE, HAVING, ON): unknown literals become boolean, anything else must be.</summary>
    public BoundExpr BindPredicate(Expr expr, string construct)
    {
        var bound = Coerce(Bind(RewriteRowInConjuncts(expr)), SqlType.Bool, expr, softly: true);
        TypeRules.RequireBoolean(bound.Type, construct, expr);
        return bound;
    }

    private BoundExpr BindCollate(CollateExpr c)
    {
        var operand = Bind(c.Operand);
        // Only the default (C) collation exists; accepting "C"/"default"/"POSIX" keeps clients' generated SQL working.
        return c.Collation[^1] is "C" or "default" or "POSIX" ? operand
            : throw BinderErrors.Error(BinderErrors.UndefinedObject, $"collation \"{c.Collation[^1]}\" for encoding \"UTF8\" does not exist", c);
    }

    private BoundExpr BindColumn(ColumnRef c)
    {
        var column = Scope.Find(c.Names, c);
        if (column is not null)
        {
            var bound = BoundColumn.Of(column);
            if (Grouping is not null && !Probe)
            {
                var key = Grouping.MatchKey(bound);
                if (key is not null)
                {
                    return key;
                }
                Grouping.Violations.Add((bound, c));
            }
            return bound;
        }
        for (var outer = Scope.Parent; outer is not null; outer = outer.Parent)
        {
            column = outer.Find(c.Names, c);
            if (column is not null)
            {
                if (outer.RejectsLateral)
                {
                    throw BinderErrors.Error("42P10", $"invalid reference to FROM-clause entry for table \"{outer.AliasOf(column)}\"", c);
                }
                var bound = BoundColumn.Of(column);
                if (outer.Grouping is { } grouping && !Probe)
                {
                    var key = grouping.MatchKey(bound);
                    if (key is not null)
                    {
                        return key;
                    }
                    grouping.Violations.Add((bound, c));
                }
                return bound;
            }
        }
        if (c.Names.Count > 1 && !Scope.HasRelation(c.Names.Count == 3 ? c.Names[0] : null, c.Names[^2]))
        {
            throw BinderErrors.Error(SqlState.UndefinedTable, $"missing FROM-clause entry for table \"{c.Names[^2]}\"", c);
        }
        var shown = c.Names.Count == 1 ? $"\"{c.Names[0]}\"" : string.Join('.', c.Names);
        throw BinderErrors.Error(SqlState.UndefinedColumn, $"column {shown} does not exist", c);
    }

    private BoundExpr BindParameter(ParameterRef p)
    {
        _context.NoteParameter(p.Index, p);
        return new BoundParameter(p.Index, _context.ParameterType(p.Index));
    }

    private BoundExpr BindSpecial(SpecialValue v) => v.Name switch
    {
        "current_timestamp" or "now" => Now(),
        // The executor keeps timestamps in UTC (the session's TimeZone formats output), so the local forms are now()'s.
        "localtimestamp" => new BoundCast(Now(), SqlType.Timestamp),
        "localtime" => new BoundCast(Now(), SqlType.Time),
        "current_date" => new BoundCast(Now(), SqlType.Date),
        _ => BindCatalogSpecial(v) ?? throw BinderErrors.Unsupported(v.Name.ToUpperInvariant(), v),
    };

    private static BoundCall Now() => new("now()", "now", CallKind.Function, SqlList<BoundExpr>.Empty, SqlType.TimestampTz);

    /// <summary>
    /// Gives an expression the target type: unknown literals are converted, untyped parameters typed, others cast
    /// implicitly. With <paramref name="softly"/> an impossible conversion returns the expression unchanged so
    /// the caller can word the error.
    /// </summary>
    public BoundExpr Coerce(BoundExpr expr, SqlType target, SqlNode node, bool softly = false)
    {
        if (TypeRules.SameType(expr.Type, target) || TypeRules.IsUnknown(target))
        {
            return expr;
        }
        switch (expr)
        {
            case BoundLiteral { Value: null } when TypeRules.IsUnknown(expr.Type):
                return new BoundLiteral(null, target);
            case BoundLiteral { Value: string text } when TypeRules.IsUnknown(expr.Type):
                return Literals.Convert(text, target, node);
            case BoundParameter p when TypeRules.IsUnknown(p.Type):
                _context.SetParameterType(p.Index, target);
                return new BoundParameter(p.Index, target);
        }
        if (TypeRules.CanImplicitlyCast(expr.Type, target))
        {
            return new BoundCast(expr, target);
        }
        return softly ? expr : throw BinderErrors.Error(SqlState.DatatypeMismatch,
            $"expression is of type {expr.Type.PgName} but should be of type {target.PgName}", node);
    }

    /// <summary>An expression still untyped at the end of its context (a bare 'abc' or NULL) becomes text.</summary>
    /// <remarks>A bare $n stays untyped: PostgreSQL reports 42P18 for SELECT $1 rather than guessing text.</remarks>
    public BoundExpr Settle(BoundExpr expr, SqlNode node) =>
        TypeRules.IsUnknown(expr.Type) && expr is not BoundParameter ? Coerce(expr, SqlType.Text, node) : expr;
}
