using Vnd.Executor.Execution;
using Vnd.Executor.Operators;
using Vnd.Executor.Vectors;
using Vnd.Planner.Errors;
using Vnd.Planner.Types;

namespace Vnd.Executor.Tests.Operators;

/// <summary>Runs plans to boxed rows for assertions.</summary>
internal static class Plans
{
    /// <summary>
    /// Runs a plan to boxed rows. With <paramref name="declared"/> (the logical plan's column types) every output
    /// vector must have the layout of its declared type: the wire reads values by that type, so a vector in another
    /// layout (float8 bytes where the plan says numeric) would be garbage to a client even though it boxes fine here.
    /// </summary>
    public static List<object?[]> Run(PhysicalOperator plan, int parallelism = 2, MemoryBudget? memory = null,
        CancellationToken cancel = default, IReadOnlyList<SqlType>? declared = null, BufferRecycler? buffers = null,
        WorkerPool? workers = null)
    {
        using var context = new QueryContext(cancel, memory, parallelism, buffers, workers);
        using var stream = plan.Open(context);
        var rows = new List<object?[]>();
        while (stream.Next() is { } batch)
        {
            for (var c = 0; declared is not null && c < declared.Count; c++)
            {
                if (batch[c].PhysicalType != PhysicalTypes.Of(declared[c]))
                    throw new SqlException(SqlState.InternalError, $"column {c + 1} is a {batch[c].PhysicalType} vector where the plan says {declared[c]}");
            }
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
