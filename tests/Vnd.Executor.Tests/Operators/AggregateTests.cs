using Vnd.Executor.Expressions;
using Vnd.Executor.Operators;
using Vnd.Executor.Operators.Aggregates;
using Vnd.Executor.Vectors;
using Vnd.Planner.Types;

namespace Vnd.Executor.Tests.Operators;

public class AggregateTests
{
    private static readonly Expression G = Expr.Column(1, SqlType.Int4);
    private static readonly Expression V = Expr.Column(2, SqlType.Int8);
    private static readonly Expression F = Expr.Column(3, SqlType.Float8);
    private static readonly Expression S = Expr.Column(4, SqlType.Text);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    public void Grouped_aggregates_match_linq_with_null_keys_grouped_together(int parallelism)
    {
        var rows = RandomRows.Generate(6000, seed: 11);
        var plan = new HashAggregateOperator(Plans.Scan(RandomRows.Table(rows)), [G],
        [
            AggregateCall.CountStar(), new(AggregateKind.Count, V), new(AggregateKind.Sum, V), new(AggregateKind.Avg, V),
            new(AggregateKind.Min, S), new(AggregateKind.Max, F), new(AggregateKind.Count, V, distinct: true),
            new(AggregateKind.Sum, G), new(AggregateKind.BoolOr, Expr.Greater(V, Expr.Constant(990, SqlType.Int4))),
        ]);
        Assert.Equal([SqlType.Int4, SqlType.Int8, SqlType.Int8, SqlType.Numeric, SqlType.Numeric, SqlType.Text, SqlType.Float8, SqlType.Int8, SqlType.Int8, SqlType.Bool], plan.OutputTypes);
        var expected = rows.GroupBy(r => r.G).Select(g =>
        {
            var vs = g.Where(r => r.V is not null).Select(r => r.V!.Value).ToList();
            var ss = g.Where(r => r.S is not null).Select(r => r.S!).ToList();
            var fs = g.Where(r => r.F is not null).Select(r => r.F!.Value).ToList();
            return new object?[]
            {
                g.Key, (long)g.Count(), (long)vs.Count, vs.Count == 0 ? null : (decimal)vs.Sum(), vs.Count == 0 ? null : NumericDivision.Divide(vs.Sum(), vs.Count),
                ss.Count == 0 ? null : ss.Order(StringComparer.Ordinal).First(), fs.Count == 0 ? null : fs.Max(), (long)vs.Distinct().Count(),
                g.Key is null ? null : (long)g.Count() * g.Key, vs.Count == 0 ? null : vs.Any(v => v > 990),
            };
        });
        Assert.Equal(Plans.Sorted(expected), Plans.Sorted(Plans.Run(plan, parallelism)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    public void Ordered_string_agg_and_array_agg_follow_their_keys_across_workers(int parallelism)
    {
        // 6,000 rows over several batches, so with parallelism each worker holds part of every group and the merge
        // has to keep the order; the id tie-break makes the order total.
        var rows = RandomRows.Generate(6000, seed: 23);
        var id = Expr.Column(0, SqlType.Int8);
        var plan = new HashAggregateOperator(Plans.Scan(RandomRows.Table(rows)), [G],
        [
            new(AggregateKind.StringAgg, S, separator: "|", orderKeys: [new(V, Descending: true), new(id)]),
            new(AggregateKind.ArrayAgg, V, orderKeys: [new(F, NullsFirst: true), new(id)]),
        ]);
        var expected = rows.GroupBy(r => r.G).Select(g =>
        {
            var byV = g.OrderByDescending(r => r.V.HasValue ? 0 : 1).ThenByDescending(r => r.V).ThenBy(r => r.Id).Where(r => r.S is not null).Select(r => r.S!).ToList();
            var byF = g.OrderBy(r => r.F.HasValue ? 1 : 0).ThenBy(r => r.F).ThenBy(r => r.Id).Select(r => r.V is { } v ? v.ToString(System.Globalization.CultureInfo.InvariantCulture) : "NULL");
            return new object?[] { g.Key, byV.Count == 0 ? null : string.Join("|", byV), "{" + string.Join(",", byF) + "}" };
        });

        var actual = Plans.Run(plan, parallelism).Select(r => new object?[] { r[0], r[1], r[2]?.ToString() });

        Assert.Equal(Plans.Sorted(expected), Plans.Sorted(actual));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    public void Distinct_aggregates_count_each_value_once_even_when_several_workers_saw_it(int parallelism)
    {
        // v has 2,000 values over 6,000 rows, so every worker sees most values of its groups: adding each worker's
        // distinct sums at the merge (instead of the union of their sets) would count values twice.
        var rows = RandomRows.Generate(6000, seed: 31);
        var plan = new HashAggregateOperator(Plans.Scan(RandomRows.Table(rows)), [G],
        [
            new(AggregateKind.Sum, V, distinct: true), new(AggregateKind.Avg, V, distinct: true),
            new(AggregateKind.StringAgg, S, distinct: true, separator: ",", orderKeys: [new(S)]),
            new(AggregateKind.ArrayAgg, V, distinct: true, orderKeys: [new(V, Descending: true)]),
            new(AggregateKind.Sum, V),
        ]);
        var expected = rows.GroupBy(r => r.G).Select(g =>
        {
            var vs = g.Where(r => r.V is not null).Select(r => r.V!.Value).Distinct().ToList();
            var ss = g.Where(r => r.S is not null).Select(r => r.S!).Distinct().Order(StringComparer.Ordinal).ToList();
            // DISTINCT keeps one NULL in array_agg; DESC puts it first (NULLS FIRST is DESC's default).
            var array = g.Select(r => r.V).Distinct().OrderByDescending(v => v.HasValue ? 0 : 1).ThenByDescending(v => v)
                .Select(v => v is { } x ? x.ToString(System.Globalization.CultureInfo.InvariantCulture) : "NULL");
            return new object?[]
            {
                g.Key, vs.Count == 0 ? null : (decimal)vs.Sum(), vs.Count == 0 ? null : NumericDivision.Divide(vs.Sum(), vs.Count),
                ss.Count == 0 ? null : string.Join(",", ss), "{" + string.Join(",", array) + "}",
                g.Any(r => r.V is not null) ? (decimal)g.Sum(r => r.V ?? 0) : null,
            };
        });

        var actual = Plans.Run(plan, parallelism).Select(r => new object?[] { r[0], r[1], r[2], r[3], r[4]?.ToString(), r[5] });

        Assert.Equal(Plans.Sorted(expected), Plans.Sorted(actual));
    }

    [Fact]
    public void Multi_column_keys_with_text_group_like_linq()
    {
        var rows = RandomRows.Generate(4000, seed: 5, groups: 4);
        var plan = new HashAggregateOperator(Plans.Scan(RandomRows.Table(rows)), [G, Expr.Function("substr", S, Expr.Constant(1, SqlType.Int4), Expr.Constant(1, SqlType.Int4))],
            [AggregateCall.CountStar(), new(AggregateKind.StddevSamp, V), new(AggregateKind.VarPop, F)]); // stddev of an integer is an exact numeric
        var expected = rows.GroupBy(r => (r.G, S: r.S?[..1])).Select(g =>
        {
            var vs = g.Where(r => r.V is not null).Select(r => (double)r.V!.Value).ToList();
            var fs = g.Where(r => r.F is not null).Select(r => r.F!.Value).ToList();
            double? Var(List<double> xs, bool sample) => xs.Count < (sample ? 2 : 1) ? null : xs.Sum(x => (x - xs.Average()) * (x - xs.Average())) / (xs.Count - (sample ? 1 : 0));
            return (g.Key.G, g.Key.S, Count: (long)g.Count(), Sd: Var(vs, true) is { } v ? Math.Sqrt(v) : (double?)null, Vp: Var(fs, false));
        }).OrderBy(x => x.G).ThenBy(x => x.S, StringComparer.Ordinal).ToList();
        var actual = Plans.Run(plan).Select(r => (G: (int?)r[0], S: (string?)r[1], Count: (long)r[2]!, Sd: r[3] is decimal sd ? (double)sd : (double?)null, Vp: (double?)r[4]))
            .OrderBy(x => x.G).ThenBy(x => x.S, StringComparer.Ordinal).ToList();
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal((expected[i].G, expected[i].S, expected[i].Count), (actual[i].G, actual[i].S, actual[i].Count));
            Assert.Equal(expected[i].Sd ?? double.NaN, actual[i].Sd ?? double.NaN, 6);
            Assert.Equal(expected[i].Vp ?? double.NaN, actual[i].Vp ?? double.NaN, 6);
        }
    }

    [Fact]
    public void A_global_aggregate_over_no_rows_yields_one_row()
    {
        var empty = RandomRows.Table([]);
        var plan = new HashAggregateOperator(Plans.Scan(empty), [], [AggregateCall.CountStar(), new(AggregateKind.Sum, V), new(AggregateKind.StringAgg, S, separator: ";")]);
        Assert.Equal(["0|∅|∅"], Plans.Sorted(Plans.Run(plan)));
    }

    [Fact]
    public void Sum_types_follow_postgres_and_string_agg_joins()
    {
        var table = InMemoryTable.FromRows([SqlType.Int2, SqlType.Int4, SqlType.Int8, SqlType.Text],
            [[(short)1, int.MaxValue, long.MaxValue, "a"], [(short)2, int.MaxValue, long.MaxValue, "b"]]);
        var plan = new HashAggregateOperator(Plans.Scan(table), [],
        [
            new(AggregateKind.Sum, Expr.Column(0, SqlType.Int2)), new(AggregateKind.Sum, Expr.Column(1, SqlType.Int4)),
            new(AggregateKind.Sum, Expr.Column(2, SqlType.Int8)), new(AggregateKind.Avg, Expr.Column(1, SqlType.Int4)),
            new(AggregateKind.StringAgg, Expr.Column(3, SqlType.Text), separator: ", "),
        ]);
        Assert.Equal([SqlType.Int8, SqlType.Int8, SqlType.Numeric, SqlType.Numeric, SqlType.Text], plan.OutputTypes);
        var row = Plans.Run(plan, parallelism: 1).Single();
        Assert.Equal(3L, row[0]);
        Assert.Equal(2L * int.MaxValue, row[1]);
        Assert.Equal(2m * long.MaxValue, row[2]);
        Assert.Equal((decimal)int.MaxValue, row[3]);
        Assert.Equal("a, b", row[4]);
    }

    [Fact]
    public void Distinct_is_grouping_without_aggregates()
    {
        var rows = RandomRows.Generate(3000, seed: 9, groups: 5);
        var plan = new HashAggregateOperator(Plans.Scan(RandomRows.Table(rows)), [G, Expr.IsNull(S)], []);
        var expected = rows.Select(r => (r.G, r.S is null)).Distinct().Select(x => new object?[] { x.G, x.Item2 });
        Assert.Equal(Plans.Sorted(expected), Plans.Sorted(Plans.Run(plan)));
    }
}
