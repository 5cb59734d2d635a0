using Vnd.Executor.Execution;
using Vnd.Executor.Expressions;
using Vnd.Executor.Operators;
using Vnd.Executor.Scans;
using Vnd.Executor.Storage;
using Vnd.Executor.Storage.Builders;
using Vnd.Executor.Tests.Storage;
using Vnd.Executor.Vectors;
using Vnd.Planner.Types;

namespace Vnd.Executor.Tests.Scans;

/// <summary>
/// A scan's own filter gathers the rows it keeps from successive chunks of one record batch into one batch. The
/// table: 20,000 rows (k = row % 50, NULL in every 13th row; id = row; info = "r" + row) in segments of 7,000 rows,
/// record batches of 5,000 + 2,000. Every kept row arrives once, in order, in a batch numbered with its record batch,
/// and a sparse filter yields one batch per record batch rather than one per 2,048-row chunk.
/// </summary>
public sealed class SelectiveScanBatchTests : IDisposable
{
    private const int Rows = 20_000;
    private static readonly int[] RecordStarts = [0, 5_000, 7_000, 12_000, 14_000, 19_000, 20_000];
    private static readonly int[] AllColumns = [0, 1, 2];
    private static readonly TableSchema Schema = new(
        [new ColumnSchema("k", SqlType.Int4), new ColumnSchema("id", SqlType.Int8), new ColumnSchema("info", SqlType.Text)]);

    private readonly TempDataDirectory _data = new();
    private readonly TraceTableBatchSource _source;

    public SelectiveScanBatchTests()
    {
        var store = new TraceTableStore(_data.Path);
        var table = new TableRef("tenant1", "packets");
        using (var writer = store.CreateWriter(table, Schema, new TraceTableWriterOptions { RowsPerBatch = 5_000, RowsPerSegment = 7_000 }))
        {
            for (var row = 0; row < Rows; row++)
            {
                if (K(row) is int k)
                    writer.GetBuilder<Int32ColumnBuilder>(0).Append(k);
                else
                    writer.Columns[0].AppendNull();
                writer.GetBuilder<Int64ColumnBuilder>(1).Append(row);
                writer.GetBuilder<TextColumnBuilder>(2).Append("r" + row);
                writer.EndRow();
            }
            writer.Commit();
        }
        _source = new TraceTableBatchSource(store.OpenTable(table));
    }

    public void Dispose() => _data.Dispose();

    private static int? K(int row) => row % 13 == 5 ? null : row % 50;

    public static TheoryData<string, int> Cases()
    {
        var cases = new TheoryData<string, int>();
        foreach (var filter in new[] { "sparse", "half", "most", "prefix", "none" })
        {
            foreach (var partitions in new[] { 1, 2, 3 })
                cases.Add(filter, partitions);
        }
        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Kept_rows_arrive_once_in_order_with_their_record_batch_numbers(string filter, int partitions)
    {
        var (predicate, keeps) = Filter(filter);
        using var context = new QueryContext();
        var seen = new List<int>();
        for (var p = 0; p < partitions; p++)
        {
            var expected = Enumerable.Range(0, RecordStarts.Length - 1)
                .Where(b => b % partitions == p)
                .SelectMany(b => Enumerable.Range(RecordStarts[b], RecordStarts[b + 1] - RecordStarts[b]))
                .Where(keeps).ToArray();
            using var reader = ((IFilteringBatchSource)_source).Open(AllColumns, p, partitions, context, predicate);
            var i = 0;
            var lastSequence = -1L;
            while (reader.Next() is { } batch)
            {
                Assert.InRange(batch.Rows.Length, 1, Batch.Capacity);
                Assert.True(batch.Sequence >= lastSequence);
                lastSequence = batch.Sequence;
                foreach (var r in batch.Rows)
                {
                    var row = expected[i++];
                    Assert.Equal(RecordOf(row), batch.Sequence);
                    Assert.Equal(K(row), batch[0].IsNull(r) ? null : batch[0].Get<int>(r));
                    Assert.Equal(row, batch[1].Get<long>(r));
                    Assert.Equal("r" + row, System.Text.Encoding.UTF8.GetString(batch[2].GetBytes(r)));
                }
            }
            Assert.Equal(expected.Length, i);
            seen.AddRange(expected);
        }
        Assert.Equal(Enumerable.Range(0, Rows).Where(keeps), seen.Order());
    }

    [Fact]
    public void A_sparse_filter_hands_over_one_batch_per_record_batch()
    {
        var (predicate, keeps) = Filter("sparse");
        using var context = new QueryContext();
        using var reader = ((IFilteringBatchSource)_source).Open(AllColumns, 0, 1, context, predicate);
        var batches = 0;
        var rows = 0;
        while (reader.Next() is { } batch)
        {
            batches++;
            rows += batch.Rows.Length;
        }
        Assert.Equal(Enumerable.Range(0, Rows).Count(keeps), rows);
        // Six record batches of up to three 2,048-row chunks each (13 chunks in all): one batch per record batch.
        Assert.Equal(RecordStarts.Length - 1, batches);
    }

    private static long RecordOf(int row)
    {
        for (var b = 0; b < RecordStarts.Length - 1; b++)
        {
            if (row < RecordStarts[b + 1])
                return b;
        }
        throw new ArgumentOutOfRangeException(nameof(row));
    }

    /// <summary>sparse: k = 7 (2 %); half: k &lt; 24 (44 %: two chunks' rows fill a batch, so a third chunk is read
    /// again for the next one); most: k &lt; 40 (dense chunks with a selection); prefix: id &lt; 6,000 (whole chunks,
    /// then none); none: k = 99.</summary>
    private static (ScanPredicate Predicate, Func<int, bool> Keeps) Filter(string name)
    {
        var k = Expr.Column(0, SqlType.Int4);
        var id = Expr.Column(1, SqlType.Int8);
        var (expression, keeps) = name switch
        {
            "sparse" => (Expr.Equal(k, Expr.Constant(7, SqlType.Int4)), (Func<int, bool>)(row => K(row) == 7)),
            "half" => (Expr.Less(k, Expr.Constant(24, SqlType.Int4)), row => K(row) < 24),
            "most" => (Expr.Less(k, Expr.Constant(40, SqlType.Int4)), row => K(row) < 40),
            "prefix" => (Expr.Less(id, Expr.Constant(6_000L, SqlType.Int8)), row => row < 6_000),
            _ => (Expr.Equal(k, Expr.Constant(99, SqlType.Int4)), row => false),
        };
        var rest = new List<Expression>();
        var predicate = ScanPredicate.Extract([expression], rest);
        Assert.NotNull(predicate);
        Assert.Empty(rest);
        return (predicate, keeps);
    }
}
