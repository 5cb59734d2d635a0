using Vnd.Executor.Execution;
using Vnd.Executor.Operators;
using Vnd.Executor.Vectors;

namespace Vnd.Executor.Tests.Operators;

/// <summary>Runs plans to boxed rows for assertions.</summary>
internal static class Plans
{
    public static List<object?[]> Run(PhysicalOperator plan, int parallelism = 2, MemoryBudget? memory = null, CancellationToken cancel = default)
    {
        using var context = new QueryContext(cancel, memory, parallelism);
        using var stream = plan.Open(context);
        var rows = new List<object?[]>();
        while (stream.Next() is { } batch)
        {
            foreach (var r in batch.Rows)
            {
                var row = new object?[batch.ColumnCount];
                for (var c = 0; c < row.Length; c++)
                    row[c] = VectorValues.Get(batch[c], r);
                rows.Add(row);
            }
        }
        return rows;
    }

    public static TableScanOperator Scan(InMemoryTable table) => new(table);

    /// <summary>Rows as comparable strings, order-insensitive comparisons sort these.</summary>
    public static string Key(object?[] row) => string.Join("|", row.Select(v => v switch
    {
        null => "∅",
        double d => d.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        decimal m => (m / 1.0000000000000000000000000000m).ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture),
    }));

    public static List<string> Sorted(IEnumerable<object?[]> rows) => rows.Select(Key).Order(StringComparer.Ordinal).ToList();
}
