using Vnd.Executor.Expressions;
using Vnd.Executor.Operators;
using Vnd.Executor.Operators.Aggregates;
using Vnd.Executor.Operators.Sorting;
using Vnd.Executor.Operators.Windows;
using Vnd.Planner.Types;

namespace Vnd.Executor.Tests.Operators;

public class WindowTests
{
    private static readonly Expression Id = Expr.Column(0, SqlType.Int8);
    private static readonly Expression G = Expr.Column(1, SqlType.Int4);
    private static readonly Expression V = Expr.Column(2, SqlType.Int8);

    [Fact]
    public void Ranking_offsets_and_frames_match_linq()
    {
        var rows = RandomRows.Generate(3000, seed: 17, groups: 7).Select(r => r with { V = r.V is null ? null : r.V / 50 }).ToList();
        var plan = new WindowOperator(Plans.Scan(RandomRows.Table(rows)), [G], [new SortKey(V), new SortKey(Id)],
        [
            new WindowCall(WindowKind.RowNumber), new WindowCall(WindowKind.Lag, V), new WindowCall(WindowKind.Lead, Id, Offset: 2),
            new WindowCall(WindowKind.FirstValue, Id), WindowCall.Over(new AggregateCall(AggregateKind.Sum, V)),
            WindowCall.Over(new AggregateCall(AggregateKind.Count, V), (1, 1)),
        ]);
        var actual = Plans.Run(plan).ToDictionary(r => (long)r[0]!);
        foreach (var partition in rows.GroupBy(r => r.G))
        {
            var sorted = partition.OrderBy(r => r.V is null).ThenBy(r => r.V).ThenBy(r => r.Id).ToList();
            for (var i = 0; i < sorted.Count; i++)
            {
                var row = actual[sorted[i].Id];
                Assert.Equal((long)(i + 1), row[5]);
                Assert.Equal(i > 0 ? sorted[i - 1].V : null, row[6]);
                Assert.Equal(i + 2 < sorted.Count ? sorted[i + 2].Id : null, row[7]);
                Assert.Equal(sorted[0].Id, row[8]);
                var running = sorted.Take(i + 1).Where(r => r.V is not null).ToList();
                Assert.Equal(running.Count == 0 ? null : (decimal?)running.Sum(r => r.V!.Value), (decimal?)row[9]);
                Assert.Equal((long)sorted.Skip(Math.Max(0, i - 1)).Take(i == 0 ? 2 : 3).Count(r => r.V is not null), row[10]);
            }
        }
    }

    [Fact]
    public void Rank_and_dense_rank_share_positions_among_peers_and_default_frame_includes_peers()
    {
        var table = InMemoryTable.FromRows([SqlType.Int4, SqlType.Int4], [[1, 10], [1, 20], [1, 20], [1, 30], [2, 5]]);
        var v = Expr.Column(1, SqlType.Int4);
        var plan = new WindowOperator(Plans.Scan(table), [Expr.Column(0, SqlType.Int4)], [new SortKey(v)],
            [new WindowCall(WindowKind.Rank), new WindowCall(WindowKind.DenseRank), WindowCall.Over(new AggregateCall(AggregateKind.Sum, v)),
             new WindowCall(WindowKind.LastValue, v)]);
        Assert.Equal(["1|10|1|1|10|10", "1|20|2|2|50|20", "1|20|2|2|50|20", "1|30|4|3|80|30", "2|5|1|1|5|5"], Plans.Run(plan).Select(Plans.Key));
        var whole = new WindowOperator(Plans.Scan(table), [Expr.Column(0, SqlType.Int4)], [], [WindowCall.Over(AggregateCall.CountStar())]);
        Assert.Equal(["1|10|4", "1|20|4", "1|20|4", "1|30|4", "2|5|1"], Plans.Sorted(Plans.Run(whole)));
    }
}
