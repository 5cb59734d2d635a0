using Vnd.Executor.Expressions;
using Vnd.Executor.Operators;
using Vnd.Executor.Operators.Aggregates;
using Vnd.Executor.Operators.Sorting;
using Vnd.Executor.Operators.Windows;
using FrameBoundKind = Vnd.Planner.Syntax.Ast.FrameBoundKind;
using FrameUnit = Vnd.Planner.Syntax.Ast.FrameUnit;
using Vnd.Planner.Types;
using WindowFrame = Vnd.Executor.Operators.Windows.WindowFrame;

namespace Vnd.Executor.Tests.Operators;

/// <summary>
/// RANGE frames with offsets over thousands of rows with duplicate and NULL keys, in several partitions, ascending
/// and descending, against a brute-force reading of PostgreSQL's rule: a row is in the frame when its key lies
/// within the offsets of the current key; a NULL current key frames its NULL peers. Covers the three aggregate
/// strategies (retracting count/sum, re-aggregated min, running for UNBOUNDED PRECEDING).
/// </summary>
public class RangeFrameTests
{
    private static readonly Expression Id = Expr.Column(0, SqlType.Int8);
    private static readonly Expression G = Expr.Column(1, SqlType.Int4);
    private static readonly Expression V = Expr.Column(2, SqlType.Int8);

    [Theory]
    [InlineData(false, 3L, 2L)]
    [InlineData(true, 5L, 0L)]
    public void Moving_range_frames_match_brute_force(bool descending, long preceding, long following)
    {
        var rows = RandomRows.Generate(3000, seed: 29, groups: 5).Select(r => r with { V = r.V is null ? null : r.V / 40 }).ToList();
        var offsets = new RangeOffsets(new SortKey(V, descending),
            Edge(preceding, descending ? Expr.Add : Expr.Subtract), Edge(following, descending ? Expr.Subtract : Expr.Add),
            Expr.Constant(preceding, SqlType.Int8), Expr.Constant(following, SqlType.Int8));
        var frame = new WindowFrame(FrameUnit.Range, FrameBoundKind.Preceding, 0, FrameBoundKind.Following, 0) { Offsets = offsets };
        var prefix = new WindowFrame(FrameUnit.Range, FrameBoundKind.UnboundedPreceding, 0, FrameBoundKind.Following, 0) { Offsets = offsets };
        var plan = new WindowOperator(Plans.Scan(RandomRows.Table(rows)), [G], [new SortKey(V, descending)],
        [
            WindowCall.Over(new AggregateCall(AggregateKind.Sum, V), frame),
            WindowCall.Over(AggregateCall.CountStar(), frame),
            WindowCall.Over(new AggregateCall(AggregateKind.Min, Id), frame),
            WindowCall.Over(AggregateCall.CountStar(), prefix),
            new WindowCall(WindowKind.FirstValue, Id, Frame: frame),
        ]);
        var actual = Plans.Run(plan).ToDictionary(r => (long)r[0]!);
        foreach (var row in rows)
        {
            var peers = rows.Where(r => r.G == row.G).ToList();
            var inFrame = peers.Where(r => InRange(r.V, row.V, descending ? -following : -preceding, descending ? preceding : following)).ToList();
            var upTo = peers.Where(r => row.V is null
                ? r.V is null || !descending
                : descending ? r.V is null || r.V >= row.V - following : r.V is not null && r.V <= row.V + following).ToList();
            var result = actual[row.Id];
            var sum = inFrame.Where(r => r.V is not null).Select(r => r.V!.Value).ToList();
            Assert.Equal(sum.Count == 0 ? null : (decimal?)sum.Sum(), (decimal?)result[5]);
            Assert.Equal((long)inFrame.Count, result[6]);
            Assert.Equal(inFrame.Count == 0 ? null : inFrame.Min(r => r.Id), result[7]);
            Assert.Equal((long)upTo.Count, result[8]);
            if (inFrame.Count == 0)
                Assert.Null(result[9]);
        }
    }

    /// <summary>Key − offset (PRECEDING) or key + offset (FOLLOWING) in the order's direction.</summary>
    private static Expression Edge(long offset, Func<Expression, Expression, Expression> toward) =>
        toward(V, Expr.Constant(offset, SqlType.Int8));

    /// <summary>PostgreSQL's in_range for one row: NULL keys frame only NULL peers; others [key + low, key + high].</summary>
    private static bool InRange(long? candidate, long? current, long low, long high) =>
        current is null ? candidate is null : candidate is not null && candidate >= current + low && candidate <= current + high;
}
