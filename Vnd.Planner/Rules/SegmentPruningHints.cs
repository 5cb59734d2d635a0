using System.Globalization;
using Vnd.Planner.Logical;
using Vnd.Planner.Syntax.Ast;

namespace Vnd.Planner.Rules;

/// <summary>
/// segment_pruning_hints: from a scan's pushed filters of the form <c>column op constant</c> (=, &lt;, &lt;=, &gt;, &gt;=,
/// either order; BETWEEN arrives as two of them) derives one [lower, upper] range per column, so the storage layer
/// skips segments whose min/max statistics lie outside it (e.g. <c>ts &gt;= X</c> reads only recent segments).
/// The filters stay: hints only skip, they never replace the exact predicate.
/// </summary>
public sealed class SegmentPruningHints : ILogicalRule
{
    public string Name => "segment_pruning_hints";

    public RuleResult Apply(LogicalPlan plan)
    {
        var result = PlanWalk.TransformUp(plan, node => node is Scan { Filters.Count: > 0 } scan ? Derive(scan) : null);
        return RuleResult.Compare(plan, result);
    }

    private static Scan Derive(Scan scan)
    {
        var ranges = new List<ColumnRange>();
        foreach (var filter in scan.Filters.SelectMany(ExprWalk.SplitConjunction))
        {
            if (Bound(filter, scan) is not { } bound)
            {
                continue;
            }
            var index = ranges.FindIndex(r => r.Column.Id == bound.Column.Id);
            if (index < 0)
            {
                ranges.Add(bound);
            }
            else
            {
                ranges[index] = Intersect(ranges[index], bound);
            }
        }
        return scan with { PruningHints = SqlList.From(ranges) };
    }

    private static ColumnRange? Bound(BoundExpr filter, Scan scan)
    {
        if (filter is not BoundCall { Kind: CallKind.Operator, Arguments: [var a, var b] } call)
        {
            return null;
        }
        var (op, column, literal) = (a, b) switch
        {
            (BoundColumn c, BoundLiteral { Value: not null } l) => (call.Name, c, l),
            (BoundLiteral { Value: not null } l, BoundColumn c) => (Flip(call.Name), c, l),
            _ => (null, null, null),
        };
        var planColumn = scan.Columns.FirstOrDefault(s => s.Column.Id == column?.Id)?.Column;
        if (planColumn is null || literal is null)
        {
            return null;
        }
        return op switch
        {
            "=" => new ColumnRange(planColumn, literal, true, literal, true),
            ">" => new ColumnRange(planColumn, literal, false, null, false),
            ">=" => new ColumnRange(planColumn, literal, true, null, false),
            "<" => new ColumnRange(planColumn, null, false, literal, false),
            "<=" => new ColumnRange(planColumn, null, false, literal, true),
            _ => null,
        };
    }

    private static string? Flip(string op) => op switch
    {
        "<" => ">",
        "<=" => ">=",
        ">" => "<",
        ">=" => "<=",
        "=" => "=",
        _ => null,
    };

    /// <summary>Tightest bounds when comparable (numbers, or ISO timestamp text of one type); otherwise keeps the first.</summary>
    private static ColumnRange Intersect(ColumnRange a, ColumnRange b)
    {
        var range = a;
        if (b.Lower is not null && (a.Lower is null || Compare(b.Lower, a.Lower) is > 0 || (Compare(b.Lower, a.Lower) == 0 && !b.LowerInclusive)))
        {
            range = range with { Lower = b.Lower, LowerInclusive = b.LowerInclusive };
        }
        if (b.Upper is not null && (a.Upper is null || Compare(b.Upper, a.Upper) is < 0 || (Compare(b.Upper, a.Upper) == 0 && !b.UpperInclusive)))
        {
            range = range with { Upper = b.Upper, UpperInclusive = b.UpperInclusive };
        }
        return range;
    }

    private static int? Compare(BoundLiteral x, BoundLiteral y) => (x.Value, y.Value) switch
    {
        (string, _) or (_, string) => null,
        (double l, _) => l.CompareTo(System.Convert.ToDouble(y.Value, CultureInfo.InvariantCulture)),
        (_, double r) => System.Convert.ToDouble(x.Value, CultureInfo.InvariantCulture).CompareTo(r),
        (IConvertible l, IConvertible r) => System.Convert.ToDecimal(l, CultureInfo.InvariantCulture).CompareTo(System.Convert.ToDecimal(r, CultureInfo.InvariantCulture)),
        _ => null,
    };
}
