using System.Globalization;
using System.Text;

namespace Vnd.Executor.Tests.Slt;

/// <summary>
/// ROLLUP/CUBE over 20k rows (ten batches, aggregated by two workers whose partial groups merge) against the same
/// engine's plain GROUP BY for each grouping set: the expansion into sets must not lose or double rows when
/// workers merge, DISTINCT aggregates included, and NULL keys of the data must stay apart from the NULLs a set
/// puts in the keys it leaves out.
/// </summary>
public sealed class GroupingSetsParallelTests
{
    private static readonly Lazy<VndEngine> Engine = new(() => new VndEngine(Setup(20_000)));

    [Fact]
    public void Cube_equals_the_union_of_its_plain_groupings()
    {
        var cube = Run("SELECT g, h, grouping(g, h), count(*), sum(v), count(DISTINCT v), max(v) FROM p GROUP BY CUBE (g, h)");
        List<string> expected =
        [
            .. Run("SELECT g, h, 0, count(*), sum(v), count(DISTINCT v), max(v) FROM p GROUP BY g, h"),
            .. Run("SELECT g, NULL::int4, 1, count(*), sum(v), count(DISTINCT v), max(v) FROM p GROUP BY g"),
            .. Run("SELECT NULL::int4, h, 2, count(*), sum(v), count(DISTINCT v), max(v) FROM p GROUP BY h"),
            .. Run("SELECT NULL::int4, NULL::int4, 3, count(*), sum(v), count(DISTINCT v), max(v) FROM p"),
        ];
        expected.Sort(StringComparer.Ordinal);
        Assert.Equal(expected, cube);
    }

    [Fact]
    public void Rollup_with_a_plain_key_and_a_filtered_input()
    {
        var rollup = Run("SELECT g, h, avg(v), count(*) FROM p WHERE v > 100 GROUP BY g, ROLLUP (h)");
        List<string> expected =
        [
            .. Run("SELECT g, h, avg(v), count(*) FROM p WHERE v > 100 GROUP BY g, h"),
            .. Run("SELECT g, NULL::int4, avg(v), count(*) FROM p WHERE v > 100 GROUP BY g"),
        ];
        expected.Sort(StringComparer.Ordinal);
        Assert.Equal(expected, rollup);
        Assert.Equal(["NULL|NULL|0"], Run("SELECT g, sum(v), count(*) FROM p WHERE v < 0 GROUP BY ROLLUP (g)"));
    }

    private static List<string> Run(string sql)
    {
        var result = Engine.Value.Run(sql);
        Assert.True(result.ErrorState is null, result.ErrorMessage);
        var lines = result.Lines();
        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    /// <summary>Table p(g, h, v): 13 × 7 key combinations, a NULL key every so often, values with repeats.</summary>
    private static string Setup(int rows)
    {
        var random = new Random(4711);
        var sql = new StringBuilder("CREATE TABLE p (g int4, h int4, v int8);\nINSERT INTO p VALUES ");
        for (var i = 0; i < rows; i++)
        {
            var g = random.Next(50) == 0 ? "NULL" : random.Next(13).ToString(CultureInfo.InvariantCulture);
            var h = random.Next(40) == 0 ? "NULL" : random.Next(7).ToString(CultureInfo.InvariantCulture);
            var v = random.Next(60) == 0 ? "NULL" : random.Next(1000).ToString(CultureInfo.InvariantCulture);
            sql.Append(i == 0 ? "" : ",").Append(CultureInfo.InvariantCulture, $"({g}, {h}, {v})");
        }
        return sql.Append(";\n").ToString();
    }
}
