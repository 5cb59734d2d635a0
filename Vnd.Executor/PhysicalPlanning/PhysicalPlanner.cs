using Vnd.Executor.Expressions;
using Vnd.Executor.Operators;
using Vnd.Executor.Operators.Aggregates;
using Vnd.Executor.Operators.Bloom;
using Vnd.Executor.Operators.Joins;
using Vnd.Executor.Operators.Sets;
using Vnd.Executor.Operators.SetReconciliation;
using Vnd.Executor.Operators.Sorting;
using Vnd.Executor.Scans;
using Vnd.Planner.Logical;
using Vnd.Planner.Syntax.Ast;
using Expr = Vnd.Executor.Expressions.Expr;
using SetOperation = Vnd.Executor.Operators.SetOperation;
using Vnd.Planner.Types;
using LogicalJoinType = Vnd.Planner.Logical.JoinType;
using PhysicalJoinType = Vnd.Executor.Operators.Joins.JoinType;
using PhysicalSortKey = Vnd.Executor.Operators.Sorting.SortKey;
using Vnd.Planner.Errors;

namespace Vnd.Executor.PhysicalPlanning;

/// <summary>
/// Translates an optimized logical plan into physical operators. Output column order is the logical node's
/// <c>Output</c> order, so each parent translates its expressions against its inputs' outputs. Tables come from
/// <paramref name="resolveTable"/> (trace tables on disk, in-memory tables in tests); it sees the whole
/// <see cref="Scan"/> so it can use the pruning hints to skip segments. <paramref name="parameters"/> are the values
/// of $1…$n (see <see cref="ExpressionTranslator"/>).
/// </summary>
public sealed partial class PhysicalPlanner(Func<Scan, IBatchSource> resolveTable, IReadOnlyList<BoundLiteral>? parameters = null)
{
    /// <summary>Set by EXPLAIN ANALYZE: every node's operator is wrapped to count rows, batches and time.</summary>
    public Analysis.PlanAnalysis? Analysis { get; init; }

    /// <summary>Decided on the first (the query's root) call, so subqueries and LATERAL bodies planned later get none.</summary>
    private bool _exchangePlaced;

    private LogicalPlan? _gathered;

    public PhysicalOperator Plan(LogicalPlan plan)
    {
        if (!_exchangePlaced)
        {
            _exchangePlaced = true;
            _gathered = ExchangePlacement.Gathered(plan);
        }
        var physical = PlanConformance.Check(PlanNode(plan), plan);
        if (Analysis is not null)
            physical = Analysis.Wrap(plan, physical);
        if (!ReferenceEquals(plan, _gathered))
            return physical;
        var gather = new GatherOperator(physical);
        return Analysis is null ? gather : Analysis.WrapExchange(plan, gather);
    }

    private PhysicalOperator PlanNode(LogicalPlan plan) => plan switch
    {
        Scan s => PlanScan(s),
        Filter f => new FilterOperator(Plan(f.Input), Over(f.Input).Translate(f.Predicate)),
        Project p => new ProjectOperator(Plan(p.Input), p.Items.Select(i => Over(p.Input).Translate(i.Expr)).ToArray(),
            p.Items.Select(i => i.Column.Name).ToArray()),
        Aggregate a => PlanAggregate(a),
        Sort s => new SortOperator(Plan(s.Input), s.Keys.Select(k => Key(Over(s.Input), k)).ToArray(), s.Fetch),
        Limit { Ties.Count: > 0 } l => new TiesLimitOperator(Plan(l.Input),
            RowCount(l.Count, SqlState.InvalidRowCountInLimit, "LIMIT")
                ?? throw new ExecutionException(SqlState.InvalidRowCountInLimit, "row count cannot be null in FETCH FIRST ... WITH TIES clause"),
            RowCount(l.Offset, SqlState.InvalidRowCountInOffset, "OFFSET") ?? 0, l.Ties.Select(k => Key(Over(l.Input), k)).ToArray()),
        Limit l => new LimitOperator(Plan(l.Input), RowCount(l.Count, SqlState.InvalidRowCountInLimit, "LIMIT"),
            RowCount(l.Offset, SqlState.InvalidRowCountInOffset, "OFFSET") ?? 0),
        Distinct { On.Count: 0 } d => new HashAggregateOperator(Plan(d.Input),
            d.Input.Output.Select((c, i) => Expr.Column(i, c.Type, c.Name)).ToArray(), []),
        Join j => PlanJoin(j),
        SetOperationPlan s => new SetOperationOperator(Plan(s.Left), Plan(s.Right), s.Operator switch
        {
            SetOperator.Union => SetOperation.Union,
            SetOperator.Intersect => SetOperation.Intersect,
            _ => SetOperation.Except,
        }, s.All),
        Values v => PlanValues(v),
        SeriesScan s => new SeriesOperator(PlanValues(new Values([s.Column, s.Column, s.Column], [s.Arguments])), s.Column.Type),
        ArrayExpand e => new ArrayExpandOperator(Plan(e.Input), Over(e.Input).Translate(e.Array)),
        ProjectSet p => PlanProjectSet(p),
        LateralJoin l => new LateralJoinOperator(Plan(l.Input), l.Subquery.Plan, Over(l.Input).Correlation(l.Subquery.Plan), l.Outer, PlanSubquery),
        Distinct d => new DistinctOnOperator(Plan(d.Input), d.On.Select(Over(d.Input).Translate).ToArray()),
        Window w => WindowPlanning.Plan(w, Plan(w.Input), Over(w.Input)),
        BloomFilterBuild b => new BloomFilterBuildOperator(Plan(b.Input), b.Keys.Select(Over(b.Input).Translate).ToArray(), b.Bits, b.Hashes),
        BloomFilterProbe b => new BloomFilterProbeOperator(Plan(b.Input), Plan(b.Filter), b.Keys.Select(Over(b.Input).Translate).ToArray(),
            b.Bits, b.Hashes),
        SetSketchBuild s => new SetSketchBuildOperator(Plan(s.Input), Over(s.Input).Translate(s.Key), s.Cells),
        SetDifferenceJoin s => new SetDifferenceJoinOperator(Plan(s.Input), Plan(s.Sketch), Plan(s.Retry), Plan(s.Fallback), Over(s.Input).Translate(s.Key),
            s.Type switch
            {
                LogicalJoinType.Semi => PhysicalJoinType.Semi,
                LogicalJoinType.Anti => PhysicalJoinType.Anti,
                _ => PhysicalJoinType.NullAwareAnti,
            }, s.Cells),
        ReconciledPartial r => new ReconciledPartialOperator(Plan(r.Input), Plan(r.Sketch), Plan(r.Retry), Over(r.Input).Translate(r.Key),
            r.Terms.Select(Over(r.Input).Translate).ToArray(), r.Cells),
        ReconciledAggregate r => new ReconciledAggregateOperator(Plan(r.Input), Plan(r.Partial), Plan(r.Fallback), Over(r.Input).Translate(r.Key),
            r.Terms.Select(Over(r.Input).Translate).ToArray(), r.Aggregates.ToArray()),
        _ => throw ExpressionTranslator.Unsupported($"plan node {plan.GetType().Name}"),
    };

    private ProjectSetOperator PlanProjectSet(ProjectSet set)
    {
        var translator = Over(set.Input);
        var functions = set.Functions.Select(f => (f.Function, f.Column.Type, Arguments: f.Arguments.Select(translator.Translate).ToArray())).ToArray();
        SetFunctionRunner Runner((string Function, SqlType Type, Expression[] Arguments) f) => f.Function switch
        {
            "generate_series" when f.Type.Id is TypeId.Int4 or TypeId.Int8 => new IntegerSeriesRunner(f.Arguments, f.Type),
            "generate_series" when f.Type.Id == TypeId.Numeric => new NumericSeriesRunner(f.Arguments),
            "generate_series" when f.Type.Id is TypeId.Timestamp or TypeId.TimestampTz => new TimestampSeriesRunner(f.Arguments, f.Type),
            "unnest" => new ArrayRunner(f.Arguments, ArrayRunner.Kind.Elements),
            "ordinality" => new ArrayRunner(f.Arguments, ArrayRunner.Kind.Ordinality),
            "generate_subscripts" => new ArrayRunner(f.Arguments, ArrayRunner.Kind.Subscripts),
            "regexp_matches" => new RegexMatchesRunner(f.Arguments),
            "json_array_elements" or "json_array_elements_text" or "json_object_keys" or "json_each_key" or "json_each_value" or "json_each_text"
                => new JsonRowsRunner(f.Arguments, f.Function),
            "with_ordinality" => new OrdinalityRunner(),
            "single_row" => new SingleRowRunner(f.Arguments[0]),
            _ => throw ExpressionTranslator.Unsupported($"set-returning function {f.Function} over {f.Type.PgName}"),
        };
        _ = functions.Select(Runner).ToArray(); // unsupported forms fail at planning, not mid-stream
        return new ProjectSetOperator(Plan(set.Input), [.. set.Functions.Select(f => f.Column.Type)], () => [.. functions.Select(Runner)]);
    }

    /// <summary>
    /// A LATERAL subquery with one row's values in place of its references: optimized again first, so the values
    /// reach the scans as filters (segment pruning, top-N) as a literal written in the query would.
    /// </summary>
    private PhysicalOperator PlanSubquery(LogicalPlan subquery) => Plan(Vnd.Planner.Rules.Optimizer.Default.Optimize(subquery).Plan);

    /// <summary>
    /// statement_timestamp() for every expression of this statement, to the microsecond like PostgreSQL's timestamps:
    /// this site's clock unless given (a fragment is planned with the coordinator's, see <see cref="Remote.FragmentRunner"/>).
    /// </summary>
    public DateTime StatementTime { get; init; } = SpecialDateTimes.Clock();

    /// <summary>
    /// The start of the transaction block the statement runs in (now() and 'now' in PostgreSQL); null outside a
    /// block, where it is the statement's time.
    /// </summary>
    public DateTime? TransactionTime { get; init; }

    /// <summary>The session's TimeZone, which expressions read timestamptz calendars in (UTC unless given).</summary>
    public TimeZoneInfo TimeZone { get; init; } = TimeZoneInfo.Utc;

    private ExpressionTranslator Over(LogicalPlan input) => Translator(input.Output);

    private ExpressionTranslator Translator(IEnumerable<PlanColumn> layout) =>
        new(layout, parameters) { Subqueries = Plan, StatementTime = StatementTime, TransactionTime = TransactionTime, TimeZone = TimeZone };

    private readonly SharedSnapshots _snapshots = new();

    /// <summary>A source the row-count shortcut resolved but did not use, for the scan it plans next.</summary>
    private (Scan Scan, IBatchSource Source)? _resolved;

    private IBatchSource Resolve(Scan scan)
    {
        if (_resolved is { } resolved && ReferenceEquals(resolved.Scan, scan))
        {
            _resolved = null;
            return resolved.Source;
        }
        return _snapshots.Share(resolveTable(scan));
    }

    private PhysicalOperator PlanScan(Scan scan) => PlanScan(scan, Resolve(scan), null);

    /// <param name="extraColumn">A source column the scan reads after the logical columns (a row position), or null.</param>
    private PhysicalOperator PlanScan(Scan scan, IBatchSource source, int? extraColumn)
    {
        int[] columns = [.. scan.Columns.Select(c => c.Ordinal), .. extraColumn is { } extra ? [extra] : Array.Empty<int>()];
        var name = scan.Schema + "." + scan.Table;
        // Rows the Limit below takes are rows the scan returns only when no filter drops any.
        if (scan.Filters.Count == 0)
            return Fetch(scan, new TableScanOperator(source, columns, name) { Fetch = scan.Fetch });
        var translator = Over(scan);
        var conjuncts = scan.Filters.Select(translator.Translate).ToArray();
        // Comparisons of a stored integer column with a constant run inside a trace-table scan, before rows are copied.
        var rest = new List<Expression>();
        var pushed = source is IFilteringBatchSource ? ScanPredicate.Extract(conjuncts, rest) : null;
        if (pushed is null)
            return Fetch(scan, new FilterOperator(new TableScanOperator(source, columns, name), Expr.And(conjuncts)));
        PhysicalOperator result = new TableScanOperator(source, columns, name, pushed);
        return Fetch(scan, rest.Count == 0 ? result : new FilterOperator(result, Expr.And([.. rest])));
    }

    private static PhysicalOperator Fetch(Scan scan, PhysicalOperator input) =>
        scan.Fetch is { } fetch ? new LimitOperator(input, fetch) : input;

    private PhysicalOperator PlanAggregate(Aggregate aggregate)
    {
        if (RowCountShortcut.CountedScan(aggregate) is { } counted)
        {
            var source = Resolve(counted);
            if (source is IRowCountSource exact)
                return RowCountShortcut.Plan(aggregate, counted, exact);
            _resolved = (counted, source);
        }
        var translator = Over(aggregate.Input);
        var groups = aggregate.Groups.Select(g => translator.Translate(g.Expr)).ToArray();
        var calls = aggregate.Aggregates.Select(a => AggregateTranslation.AggregateOf(translator, a.Call)).ToArray();
        return new HashAggregateOperator(Plan(aggregate.Input), groups, calls);
    }

    private PhysicalOperator PlanJoin(Join join)
    {
        var late = LateMaterialized(join);
        var left = Over(late?.Shape ?? join.Left);
        var right = Over(join.Right);
        Expression[] probeKeys;
        Expression[] buildKeys;
        if (join.Keys.Count == 0)
        {
            // No equi-key (cross join, pure theta join): one shared constant key puts every pair in one bucket,
            // which is the nested-loop join a cross product needs anyway.
            probeKeys = [Expr.Constant(1, SqlType.Int4)];
            buildKeys = [Expr.Constant(1, SqlType.Int4)];
        }
        else
        {
            probeKeys = join.Keys.Select(k => left.Translate(k.Left)).ToArray();
            buildKeys = join.Keys.Select(k => right.Translate(k.Right)).ToArray();
        }
        var residual = join.Residual is null
            ? null
            : Translator(join.Left.Output.Concat(join.Right.Output)).Translate(join.Residual);
        var type = join.Type switch
        {
            LogicalJoinType.Inner or LogicalJoinType.Cross => PhysicalJoinType.Inner,
            LogicalJoinType.Left => PhysicalJoinType.Left,
            LogicalJoinType.Right => PhysicalJoinType.Right,
            LogicalJoinType.Full => PhysicalJoinType.Full,
            LogicalJoinType.Semi => PhysicalJoinType.Semi,
            LogicalJoinType.Anti => PhysicalJoinType.Anti,
            _ => PhysicalJoinType.NullAwareAnti,
        };
        if (type == PhysicalJoinType.NullAwareAnti && join.Keys.Count == 0)
            throw ExpressionTranslator.Unsupported("NOT IN without a comparable key");
        if (type == PhysicalJoinType.Inner && residual is null && join.Keys.Count > 0)
            return BuildSideChoice.InnerJoin(Plan(join.Left), Plan(join.Right), probeKeys, buildKeys);
        if (late is not null)
            return late.Fetch(new HashJoinOperator(late.Probe, Plan(join.Right), probeKeys, buildKeys, type, residual));
        return new HashJoinOperator(Plan(join.Left), Plan(join.Right), probeKeys, buildKeys, type, residual);
    }

    /// <summary>Each VALUES row is a projection of the single empty row; the rows are concatenated in order.</summary>
    private PhysicalOperator PlanValues(Values values)
    {
        var translator = Translator([]);
        var names = values.Columns.Select(c => c.Name).ToArray();
        var rows = new PhysicalOperator[values.Rows.Count];
        for (var r = 0; r < rows.Length; r++)
        {
            var emptyRow = new InMemoryTable([]);
            emptyRow.AppendRow();
            var items = values.Rows[r].Select((e, c) => Expr.Cast(translator.Translate(e), values.Columns[c].Type)).ToArray();
            rows[r] = new ProjectOperator(new TableScanOperator(emptyRow), items, names);
        }
        if (rows.Length == 0)
            return new LimitOperator(new TableScanOperator(new InMemoryTable(values.Columns.Select(c => c.Type).ToArray(), names)), 0);
        return rows.Length == 1 ? rows[0] : new UnionAllOperator(rows);
    }

    private static PhysicalSortKey Key(ExpressionTranslator translator, Vnd.Planner.Logical.SortKey key) =>
        new(translator.Translate(key.Expr), key.Descending, key.NullsFirst);

    /// <summary>LIMIT/OFFSET counts; negative ones are PostgreSQL's 2201W/2201X errors, not operator crashes.</summary>
    private long? RowCount(BoundExpr? expr, string sqlState, string clause) => expr is null ? null : Constant(expr) switch
    {
        < 0 => throw new ExecutionException(sqlState, $"{clause} must not be negative"),
        var count => count,
    };

    private long? Constant(BoundExpr expr) => expr switch
    {
        BoundParameter p when parameters is not null && p.Index >= 1 && p.Index <= parameters.Count => Constant(parameters[p.Index - 1]),
        BoundLiteral { Value: null } => null,
        BoundLiteral { Value: var v } => Convert.ToInt64(v, System.Globalization.CultureInfo.InvariantCulture),
        BoundCast c => Constant(c.Operand),
        _ => throw ExpressionTranslator.Unsupported("LIMIT/OFFSET that is not a constant"),
    };
}
