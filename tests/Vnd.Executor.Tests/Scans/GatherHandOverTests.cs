using Vnd.Executor.Execution;
using Vnd.Executor.Expressions;
using Vnd.Executor.Operators;
using Vnd.Executor.Scans;
using Vnd.Executor.Storage;
using Vnd.Executor.Tests.Storage;
using Vnd.Executor.Vectors;
using Vnd.Planner.Types;

namespace Vnd.Executor.Tests.Scans;

/// <summary>
/// A gather above a trace-table scan queues the scan's own batches for its consumer instead of copying them: the
/// consumer must see the scan's batches, every value intact while it holds one, and the scan must never write into
/// a batch the consumer still reads.
/// </summary>
public sealed class GatherHandOverTests
{
    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void The_consumer_gets_the_scans_batches_and_none_is_rewritten_while_it_holds_one(int partitions)
    {
        using var data = new TempDataDirectory();
        const int rows = 40_000;
        var all = Enumerable.Range(0, SampleRows.Schema.Count).ToArray();
        var source = new RecordingSource(new TraceTableBatchSource(TraceTableBatchSourceTests.Write(data.Path, rows)));
        using var context = new QueryContext(parallelism: partitions);
        using var stream = new GatherOperator(new TableScanOperator(source, all)).Open(context);
        var row = 0;
        var handedOver = 0;
        while (stream.Next() is { } batch)
        {
            if (source.Returned(batch))
                handedOver++;
            var held = Snapshot(batch, all.Length);
            // The workers keep scanning (into batches of the pool) meanwhile; a batch given back to the pool or left
            // with the scan before this consumer's next call would change under it.
            Thread.Sleep(2);
            Assert.Equal(held, Snapshot(batch, all.Length));
            foreach (var values in held)
            {
                for (var c = 0; c < all.Length; c++)
                    Assert.Equal(SampleRows.Value(c, row), values[c]);
                row++;
            }
        }
        Assert.Equal(rows, row);
        // Every full batch (record batches of 5,000 rows: two of 2,048 each, then 904) is the scan's own.
        Assert.True(handedOver >= 2 * rows / 5_000, $"{handedOver} batches handed over");
    }

    [Fact]
    public void A_reader_hands_over_only_a_full_dense_batch_of_its_own_and_then_fills_the_replacement()
    {
        using var data = new TempDataDirectory();
        var source = new TraceTableBatchSource(TraceTableBatchSourceTests.Write(data.Path, 10_000));
        var types = new[] { SqlType.Int8 };
        using var context = new QueryContext();

        using (var bounded = source.Open([3], 0, 1, context, rowBound: 100))
        {
            var small = bounded.Next()!;
            Assert.False(bounded.TryHandOver(small, new Batch(types)));
        }

        using var reader = source.Open([3], 0, 1, context);
        var first = reader.Next()!;
        Assert.False(reader.TryHandOver(new Batch(types), new Batch(types)));
        var replacement = new Batch(types);
        Assert.True(reader.TryHandOver(first, replacement));
        var before = Snapshot(first, 1);
        Assert.Same(replacement, reader.Next());
        Assert.Equal(before, Snapshot(first, 1));
        Assert.Equal(SampleRows.Value(3, Batch.Capacity), TraceTableBatchSourceTests.Normalise(replacement[0], 0));

        // A scan filter that keeps most rows (every non-NULL i8) selects them through the reader's own selection
        // array: that batch stays with the reader.
        var rest = new List<Expression>();
        var notNull = ScanPredicate.Extract([Expr.Greater(Expr.Column(0, SqlType.Int8), Expr.Constant(long.MinValue, SqlType.Int8))], rest)!;
        Assert.Empty(rest);
        using var filtered = source.Open([3], 0, 1, context, notNull);
        var selected = filtered.Next()!;
        Assert.True(selected.HasSelection);
        Assert.False(filtered.TryHandOver(selected, new Batch(types)));
    }

    private static List<object?[]> Snapshot(Batch batch, int columns) =>
        [.. batch.Rows.ToArray().Select(r => Enumerable.Range(0, columns).Select(c => TraceTableBatchSourceTests.Normalise(batch[c], r)).ToArray())];

    /// <summary>The trace-table source, remembering every batch its readers returned.</summary>
    private sealed class RecordingSource(TraceTableBatchSource inner) : IBatchSource
    {
        private readonly System.Collections.Concurrent.ConcurrentDictionary<Batch, bool> _returned = new(ReferenceEqualityComparer.Instance);

        public IReadOnlyList<SqlType> Types => inner.Types;

        public IReadOnlyList<string> Names => inner.Names;

        public bool Returned(Batch batch) => _returned.ContainsKey(batch);

        public IBatchReader Open(IReadOnlyList<int> columns, int partition, int partitionCount, QueryContext context) =>
            new Reader(this, inner.Open(columns, partition, partitionCount, context));

        private sealed class Reader(RecordingSource source, IBatchReader inner) : IBatchReader
        {
            public Batch? Next()
            {
                var batch = inner.Next();
                if (batch is not null)
                    source._returned[batch] = true;
                return batch;
            }

            public bool TryHandOver(Batch batch, Batch replacement) => inner.TryHandOver(batch, replacement);

            public void Dispose() => inner.Dispose();
        }
    }
}
