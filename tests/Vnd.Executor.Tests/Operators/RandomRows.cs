using Vnd.Executor.Operators;
using Vnd.Planner.Types;

namespace Vnd.Executor.Tests.Operators;

/// <summary>
/// Deterministic random tables with NULLs for differential tests: (id int8, g int4, v int8, f float8, s text),
/// where g, v, f and s are NULL about one time in eight.
/// </summary>
internal sealed record RandomRows(long Id, int? G, long? V, double? F, string? S)
{
    public static readonly SqlType[] Types = [SqlType.Int8, SqlType.Int4, SqlType.Int8, SqlType.Float8, SqlType.Text];

    public static List<RandomRows> Generate(int count, int seed, int groups = 20)
    {
        var random = new Random(seed);
        T? Maybe<T>(Func<T> value) where T : struct => random.Next(8) == 0 ? null : value();
        string? Text() => random.Next(8) == 0 ? null : ((char)('a' + random.Next(6))).ToString() + random.Next(30);
        return Enumerable.Range(0, count)
            .Select(i => new RandomRows(i, Maybe(() => random.Next(groups)), Maybe(() => (long)random.Next(-1000, 1000)),
                Maybe(() => Math.Round(random.NextDouble() * 100, 2)), Text()))
            .ToList();
    }

    public static InMemoryTable Table(IEnumerable<RandomRows> rows)
    {
        var table = new InMemoryTable(Types, ["id", "g", "v", "f", "s"]);
        foreach (var r in rows)
            table.AppendRow(r.Id, r.G, r.V, r.F, r.S);
        return table;
    }
}
