using Vnd.Executor.Execution;
using Vnd.Executor.Operators.SetReconciliation;

namespace Vnd.Executor.Tests.Operators.SetReconciliation;

/// <summary>Subtracting two sites' tables and peeling lists exactly the keys whose counts differ, or says it cannot.</summary>
public sealed class InvertibleBloomLookupTableTests
{
    [Fact]
    public void The_difference_of_two_large_sets_peels_from_a_table_sized_for_the_difference()
    {
        // In: 1M ids; Out: In minus every 100th id, plus 50 ids In never saw (e.g. from another flow).
        var cells = Planner.Distributed.SetSketchSizing.For(10_050).Cells;
        using var inTable = new InvertibleBloomLookupTable(cells);
        using var outTable = new InvertibleBloomLookupTable(cells);
        for (long id = 0; id < 1_000_000; id++)
        {
            inTable.Add(id);
            if (id % 100 != 0)
                outTable.Add(id);
        }
        for (long id = 0; id < 50; id++)
            outTable.Add(-1 - id);

        inTable.Subtract(outTable);
        var difference = new Dictionary<long, long>();
        Assert.True(inTable.Peel(difference));

        Assert.Equal(10_050, difference.Count);
        Assert.All(Enumerable.Range(0, 10_000), i => Assert.Equal(1, difference[i * 100L]));
        Assert.All(Enumerable.Range(0, 50), i => Assert.Equal(-1, difference[-1L - i]));
    }

    [Fact]
    public void Duplicate_keys_peel_with_their_net_counts()
    {
        using var mine = new InvertibleBloomLookupTable(60);
        using var theirs = new InvertibleBloomLookupTable(60);
        foreach (var key in (long[])[7, 7, 7, 8, long.MaxValue, long.MinValue, 0, 0])
            mine.Add(key);
        foreach (var key in (long[])[7, 8, 8, long.MinValue, 0, 0])
            theirs.Add(key);

        mine.Subtract(theirs);
        var difference = new Dictionary<long, long>();
        Assert.True(mine.Peel(difference));

        Assert.Equal(new Dictionary<long, long> { [7] = 2, [8] = -1, [long.MaxValue] = 1 }, difference);
    }

    [Fact]
    public void Too_many_differences_for_the_table_do_not_peel()
    {
        using var mine = new InvertibleBloomLookupTable(30);
        using var theirs = new InvertibleBloomLookupTable(30);
        for (long id = 0; id < 1_000; id++)
            mine.Add(id);

        mine.Subtract(theirs);
        Assert.False(mine.Peel(new Dictionary<long, long>()));
    }

    [Fact]
    public void Doubling_a_table_that_failed_lets_the_same_difference_peel()
    {
        // ~1.1 cells per difference is below the peeling threshold (1.23); 2.2 is well above it.
        Assert.False(Peels(600, 660));
        Assert.True(Peels(600, 1_320));
    }

    [Fact]
    public void A_table_travels_as_cells_and_reads_back_the_same()
    {
        using var table = new InvertibleBloomLookupTable(300);
        for (long id = 0; id < 100; id++)
            table.Add(id * 1_000_003);
        var bytes = new byte[300 * InvertibleBloomLookupTable.CellBytes];
        table.WriteTo(bytes);
        using var copy = new InvertibleBloomLookupTable(300);
        copy.ReadFrom(bytes.AsSpan(0, 100 * InvertibleBloomLookupTable.CellBytes), 0);
        copy.ReadFrom(bytes.AsSpan(100 * InvertibleBloomLookupTable.CellBytes), 100);

        var difference = new Dictionary<long, long>();
        Assert.True(copy.Peel(difference));
        Assert.Equal(Enumerable.Range(0, 100).Select(i => i * 1_000_003L).Order(), difference.Keys.Order());
    }

    [Fact]
    public void Its_cells_are_reserved_against_the_query_budget()
    {
        var budget = new MemoryBudget(1_000);
        Assert.ThrowsAny<Exception>(() => new InvertibleBloomLookupTable(300, budget));
        using (new InvertibleBloomLookupTable(30, budget))
            Assert.Equal(30 * InvertibleBloomLookupTable.CellBytes, budget.Used);
        Assert.Equal(0, budget.Used);
        Assert.Throws<ArgumentOutOfRangeException>(() => new InvertibleBloomLookupTable(31));
    }

    private static bool Peels(int differences, int cells)
    {
        using var table = new InvertibleBloomLookupTable(cells);
        for (long id = 0; id < differences; id++)
            table.Add(id * 7919);
        return table.Peel(new Dictionary<long, long>());
    }
}
