using Vnd.Planner.Errors;
using Vnd.Planner.Logical;
using Vnd.Planner.Syntax.Ast;
using Vnd.Planner.Types;

namespace Vnd.Planner.Binding;

/// <summary>
/// GROUP BY with ROLLUP, CUBE, GROUPING SETS or (): the list of grouping sets the clause denotes (PostgreSQL's
/// expansion: each element's sets, crossed with the other elements'), each a set of <see cref="Grouping.Keys"/>
/// indexes. Planned as one aggregate over the input crossed with the set numbers: a key outside a row's set is
/// NULL there, and the set number is a hidden key, so every set's groups come out of one hash aggregate.
/// </summary>
internal sealed class GroupingSets
{
    /// <summary>PostgreSQL's limit on the number of grouping sets.</summary>
    private const int MaxSets = 4096;

    private GroupingSets(List<int[]> sets, PlanColumn setId, int keyCount)
    {
        Sets = sets;
        SetId = setId;
        KeyCount = keyCount;
    }

    public List<int[]> Sets { get; }

    /// <summary>The set number of each expanded input row (0-based index into <see cref="Sets"/>).</summary>
    public PlanColumn SetId { get; }

    /// <summary>Keys beyond this count are grouping() results, functions of the set number, never nulled.</summary>
    public int KeyCount { get; }

    public static bool Used(SqlList<Expr> groupBy) => groupBy.Any(g => g is GroupingSet);

    /// <param name="key">binds one grouping expression and returns its key index</param>
    public static GroupingSets Expand(SqlList<Expr> groupBy, Func<Expr, int> key, BindingContext context, Grouping grouping)
    {
        List<int[]> sets = [[]];
        foreach (var item in groupBy)
        {
            var element = Element(item, key);
            var crossed = new List<int[]>(sets.Count * element.Count);
            foreach (var left in sets)
            {
                foreach (var right in element)
                {
                    crossed.Add([.. left.Union(right)]);
                }
            }
            if (crossed.Count > MaxSets)
            {
                throw BinderErrors.Error("54001", $"too many grouping sets present (maximum {MaxSets})", item);
            }
            sets = crossed;
        }
        return new GroupingSets(sets, context.NewColumn("grouping_set", SqlType.Int4), grouping.Keys.Count);
    }

    private static List<int[]> Element(Expr item, Func<Expr, int> key) => item switch
    {
        GroupingSet { Kind: GroupingSetKind.Empty } => [[]],
        GroupingSet { Kind: GroupingSetKind.Rollup } r => Rollup(r.Items.Select(i => Unit(i, key)).ToList()),
        GroupingSet { Kind: GroupingSetKind.Cube } c => Cube(c.Items.Select(i => Unit(i, key)).ToList(), c),
        GroupingSet s => s.Items.SelectMany(i => i is RowExpr r ? [Unit(r, key)] : Element(i, key)).ToList(),
        _ => [[key(item)]],
    };

    private static int[] Unit(Expr item, Func<Expr, int> key) => item is RowExpr r ? [.. r.Fields.Select(key)] : [key(item)];

    /// <summary>ROLLUP (a, b, c): (a, b, c), (a, b), (a), ().</summary>
    private static List<int[]> Rollup(List<int[]> units)
    {
        var sets = new List<int[]>();
        for (var n = units.Count; n >= 0; n--)
        {
            sets.Add([.. units.Take(n).SelectMany(u => u).Distinct()]);
        }
        return sets;
    }

    /// <summary>CUBE (a, b): every subset of the units.</summary>
    private static List<int[]> Cube(List<int[]> units, SqlNode node)
    {
        if (units.Count > 12)
        {
            throw BinderErrors.Error("54001", $"too many grouping sets present (maximum {MaxSets})", node);
        }
        var sets = new List<int[]>();
        for (var mask = (1 << units.Count) - 1; mask >= 0; mask--)
        {
            sets.Add([.. units.Where((_, i) => (mask & (1 << (units.Count - 1 - i))) != 0).SelectMany(u => u).Distinct()]);
        }
        return sets;
    }

    /// <summary>
    /// grouping(a, b, …): bit i (from the left) set when argument i is not in the row's grouping set. A function of
    /// the set number, so it becomes one more group key: CASE set WHEN 0 THEN … END.
    /// </summary>
    public BoundExpr GroupingValue(IReadOnlyList<int> arguments)
    {
        var masks = Sets.Select(set =>
        {
            var mask = 0;
            foreach (var a in arguments)
            {
                mask = (mask << 1) | (set.Contains(a) ? 0 : 1);
            }
            return mask;
        }).ToList();
        if (masks.Distinct().Count() == 1)
        {
            return new BoundLiteral(masks[0], SqlType.Int4);
        }
        var setId = BoundColumn.Of(SetId);
        var whens = masks.Select((m, s) => new BoundWhen(BoundCall.Operator("=", SqlType.Bool, setId, new BoundLiteral(s, SqlType.Int4)), new BoundLiteral(m, SqlType.Int4)));
        return new BoundCase(SqlList.From(whens), null, SqlType.Int4);
    }

    /// <summary>
    /// The aggregate over the input crossed with the set numbers. With an empty set among them the cross join is a
    /// LEFT join from the set numbers, so an empty input still yields the empty set's one row (PostgreSQL's
    /// GROUP BY () on no rows); a presence flag keeps those NULL rows out of every other set and out of the aggregates.
    /// </summary>
    public LogicalPlan Plan(LogicalPlan input, Grouping grouping, BindingContext context)
    {
        var numbers = new Values([SetId], SqlList.From(Sets.Select((_, s) => SqlList.From<BoundExpr>([new BoundLiteral(s, SqlType.Int4)]))));
        var setId = BoundColumn.Of(SetId);
        var empties = Sets.Select((set, s) => (set, s)).Where(p => p.set.Length == 0).Select(p => (BoundExpr)new BoundLiteral(p.s, SqlType.Int4)).ToList();
        LogicalPlan expanded;
        var aggregates = grouping.Aggregates;
        if (empties.Count == 0)
        {
            expanded = new Join(JoinType.Cross, input, numbers, SqlList<EquiKey>.Empty, null);
        }
        else
        {
            var present = context.NewColumn("present", SqlType.Bool);
            var flagged = new Project(input, SqlList.From(input.Output.Select(c => new ProjectItem(c, BoundColumn.Of(c)))
                .Append(new ProjectItem(present, BoundLiteral.True))));
            var joined = new Join(JoinType.Left, numbers, flagged, SqlList<EquiKey>.Empty, null);
            var flag = BoundColumn.Of(present);
            expanded = new Filter(joined, BoundCall.Operator("OR", SqlType.Bool, flag, new BoundInList(setId, SqlList.From(empties), false)));
            aggregates = [.. aggregates.Select(a => a with
            {
                Call = a.Call with { Filter = a.Call.Filter is null ? flag : BoundCall.Operator("AND", SqlType.Bool, a.Call.Filter, flag) },
            })];
        }
        var keys = grouping.Keys.Select((k, i) => i >= KeyCount || Sets.All(s => s.Contains(i)) ? k : k with { Expr = InSets(k.Expr, i, setId) })
            .Append(new ProjectItem(context.NewColumn("grouping_set", SqlType.Int4), setId));
        return new Aggregate(expanded, SqlList.From(keys), SqlList.From(aggregates));
    }

    /// <summary>CASE WHEN set IN (sets holding key i) THEN key END.</summary>
    private BoundExpr InSets(BoundExpr key, int index, BoundExpr setId)
    {
        var holding = Sets.Select((set, s) => (set, s)).Where(p => p.set.Contains(index)).Select(p => (BoundExpr)new BoundLiteral(p.s, SqlType.Int4));
        return new BoundCase([new BoundWhen(new BoundInList(setId, SqlList.From(holding), false), key)], null, key.Type);
    }
}
