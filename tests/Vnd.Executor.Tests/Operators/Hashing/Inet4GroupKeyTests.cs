using Vnd.Executor.Execution;
using Vnd.Executor.Operators.Aggregates;
using Vnd.Executor.Vectors;
using Vnd.Planner.Types;

namespace Vnd.Executor.Tests.Operators.Hashing;

/// <summary>
/// GROUP BY one IPv4 column: batches without NULLs take the packed path, batches with a NULL the byte-encoded one,
/// and both must land on the same groups, also when two workers' tables are merged.
/// </summary>
public sealed class Inet4GroupKeyTests
{
    private static void AddBatch(GroupTable table, uint[] addresses, int? nullAt)
    {
        var key = new Vector(SqlType.Inet4);
        var data = key.Data<uint>();
        var rows = new int[addresses.Length];
        for (var i = 0; i < addresses.Length; i++)
        {
            data[i] = addresses[i];
            rows[i] = i;
        }
        if (nullAt is { } n)
            key.SetNull(n);
        table.Add(rows, [key], [null]);
    }

    /// <summary>Each group's count by address; the NULL group under -1.</summary>
    private static Dictionary<long, long> Groups(GroupTable table)
    {
        var counts = new Vector(SqlType.Int8);
        var keys = new Vector(SqlType.Inet4);
        var ids = Enumerable.Range(0, table.Count).ToArray();
        table.KeyValues.Gather(0, ids, keys, 0);
        table.Accumulators[0].Finish(0, table.Count, counts);
        var result = new Dictionary<long, long>();
        for (var g = 0; g < table.Count; g++)
            result.Add(keys.IsNull(g) ? -1L : keys.Data<uint>()[g], counts.Data<long>()[g]);
        return result;
    }

    [Fact]
    public void Packed_and_encoded_batches_meet_on_the_same_groups()
    {
        var memory = MemoryBudget.Unlimited();
        using var first = new GroupTable([SqlType.Inet4], [AggregateCall.CountStar()], memory);
        using var second = new GroupTable([SqlType.Inet4], [AggregateCall.CountStar()], memory);
        var addresses = Enumerable.Range(0, 1000).Select(i => 0x0A000000u + (uint)(i % 37)).ToArray();
        AddBatch(first, addresses, nullAt: null);
        AddBatch(first, addresses, nullAt: 5);
        AddBatch(second, addresses, nullAt: 0);
        AddBatch(second, addresses, nullAt: null);
        first.Merge(second);

        var expected = new Dictionary<long, long> { [-1L] = 2 };
        foreach (var a in addresses)
            expected[a] = expected.GetValueOrDefault(a) + 4;
        expected[addresses[5]] -= 1;
        expected[addresses[0]] -= 1;
        Assert.Equal(expected.OrderBy(e => e.Key).ToList(), Groups(first).OrderBy(e => e.Key).ToList());
    }
}
