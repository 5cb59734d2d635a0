using System.Buffers.Binary;
using Vnd.Executor.Execution;
using Vnd.Executor.Operators;
using Vnd.Executor.Scans;
using Vnd.Executor.Storage;
using Vnd.Executor.Tests.Storage;
using Vnd.Executor.Vectors;

namespace Vnd.Executor.Tests.Scans;

public sealed class TraceTableBatchSourceTests
{
    private const int Rows = 20_000;
    private const int RowsPerSegment = 7_000;
    private static readonly TableRef Packets = new("tenant1", "packets");

    /// <summary>
    /// Three segments of two record batches each (5,000 + 2,000 rows; the last 5,000 + 1,000): one partition reads the
    /// table in order; two or three partitions, with fewer than two segments each, split it by record batch.
    /// </summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Every_value_of_every_type_reads_back_once_over_the_partitions(int partitions)
    {
        using var data = new TempDataDirectory();
        var table = Write(data.Path);
        Assert.Equal(3, table.Segments.Count);
        var source = new TraceTableBatchSource(table);
        var all = Enumerable.Range(0, SampleRows.Schema.Count).ToArray();
        int[] recordStarts = [0, 5_000, 7_000, 12_000, 14_000, 19_000, Rows];
        var seen = new List<int>();
        using var context = new QueryContext();
        for (var p = 0; p < partitions; p++)
        {
            using var reader = source.Open(all, p, partitions, context);
            var expectedRows = Enumerable.Range(0, recordStarts.Length - 1)
                .Where(b => partitions == 1 || b % partitions == p)
                .SelectMany(b => Enumerable.Range(recordStarts[b], recordStarts[b + 1] - recordStarts[b])).ToArray();
            var i = 0;
            while (reader.Next() is { } batch)
            {
                Assert.InRange(batch.Count, 1, Batch.Capacity);
                for (var r = 0; r < batch.Count; r++, i++)
                {
                    for (var c = 0; c < all.Length; c++)
                        Assert.Equal(SampleRows.Value(c, expectedRows[i]), Normalise(batch[c], r));
                }
            }
            Assert.Equal(expectedRows.Length, i);
            seen.AddRange(expectedRows);
        }
        Assert.Equal(Enumerable.Range(0, Rows), seen.Order());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(10)]
    [InlineData(3_000)]
    public void A_row_bound_sizes_the_batches_and_every_row_still_reads_back_in_order(int rowBound)
    {
        using var data = new TempDataDirectory();
        var table = Write(data.Path);
        var source = new TraceTableBatchSource(table);
        var all = Enumerable.Range(0, SampleRows.Schema.Count).ToArray();
        using var context = new QueryContext();
        using var reader = source.Open(all, 0, 1, context, rowBound);
        var i = 0;
        while (reader.Next() is { } batch)
        {
            Assert.InRange(batch.Count, 1, Math.Min(rowBound, Batch.Capacity));
            Assert.Equal(Math.Min(rowBound, Batch.Capacity), batch[0].Capacity);
            for (var r = 0; r < batch.Count; r++, i++)
            {
                for (var c = 0; c < all.Length; c++)
                    Assert.Equal(SampleRows.Value(c, i), Normalise(batch[c], r));
            }
        }
        Assert.Equal(Rows, i);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(7)]
    [InlineData(2_500)]
    public void A_limited_scan_returns_the_first_rows_of_the_table(int limit)
    {
        using var data = new TempDataDirectory();
        var table = Write(data.Path);
        var scan = new TableScanOperator(new TraceTableBatchSource(table), [0]) { Fetch = limit };
        using var context = new QueryContext();
        using var stream = new LimitOperator(scan, limit).Open(context, 0, 1);
        var values = new List<object?>();
        while (stream.Next() is { } batch)
        {
            foreach (var r in batch.Rows)
                values.Add(Normalise(batch[0], r));
        }
        Assert.Equal(Enumerable.Range(0, limit).Select(row => SampleRows.Value(0, row)), values);
    }

    /// <summary>Many segments per partition still split by record batch (not by segment), numbered by their index
    /// over the whole scan: the partitions get equal shares, and an ordered exchange can interleave them finely.</summary>
    [Fact]
    public void With_many_segments_per_partition_record_batches_stay_the_unit()
    {
        using var data = new TempDataDirectory();
        var table = Write(data.Path, rows: 30_000);
        Assert.Equal(5, table.Segments.Count);
        var source = new TraceTableBatchSource(table);
        using var context = new QueryContext();
        // Record batches: 5,000 + 2,000 rows in each of the four full segments, then 2,000 in the last.
        int[] starts = [0, 5_000, 7_000, 12_000, 14_000, 19_000, 21_000, 26_000, 28_000, 30_000];

        for (var p = 0; p < 2; p++)
        {
            using var reader = source.Open([0], p, 2, context);
            var values = new List<object?>();
            var sequences = new List<long>();
            while (reader.Next() is { } batch)
            {
                sequences.Add(batch.Sequence);
                for (var r = 0; r < batch.Count; r++)
                    values.Add(Normalise(batch[0], r));
            }
            var mine = Enumerable.Range(0, starts.Length - 1).Where(i => i % 2 == p).ToArray();
            var expected = mine.SelectMany(i => Enumerable.Range(starts[i], starts[i + 1] - starts[i])).Select(row => SampleRows.Value(0, row));
            Assert.Equal(expected, values);
            Assert.Equal(mine.Select(i => (long)i), sequences.Distinct());
        }
    }

    [Fact]
    public void Requested_columns_come_in_the_requested_order_and_skipped_segments_are_not_read()
    {
        using var data = new TempDataDirectory();
        var table = Write(data.Path);
        var source = new TraceTableBatchSource(table, keep: s => s.Number != table.Segments[1].Number);
        using var context = new QueryContext();
        using var reader = source.Open([14, 3], 0, 1, context);
        var rows = new List<long>();
        while (reader.Next() is { } batch)
        {
            Assert.Equal(2, batch.ColumnCount);
            for (var r = 0; r < batch.Count; r++)
            {
                var row = rows.Count < RowsPerSegment ? rows.Count : rows.Count + RowsPerSegment;
                Assert.Equal(SampleRows.Value(14, row), Normalise(batch[0], r));
                Assert.Equal(SampleRows.Value(3, row), Normalise(batch[1], r));
                rows.Add(row);
            }
        }
        Assert.Equal(Rows - RowsPerSegment, rows.Count);
    }

    /// <summary>Batches are numbered in scan order (by record batch), so an ordered exchange over the partitions returns the table in capture order.</summary>
    [Theory]
    [InlineData(Rows, 2)]
    [InlineData(Rows, 3)]
    [InlineData(30_000, 2)]
    public void An_ordered_gather_over_the_partitions_reads_the_table_in_order(int rows, int partitions)
    {
        using var data = new TempDataDirectory();
        var source = new TraceTableBatchSource(Write(data.Path, rows));
        using var context = new QueryContext(parallelism: partitions);
        using var stream = new GatherOperator(new TableScanOperator(source, [0])).Open(context);
        var values = new List<object?>();
        while (stream.Next() is { } batch)
        {
            foreach (var r in batch.Rows)
                values.Add(Normalise(batch[0], r));
        }
        Assert.Equal(Enumerable.Range(0, rows).Select(row => SampleRows.Value(0, row)), values);
    }

    internal static TraceTable Write(string directory, int rows = Rows)
    {
        var store = new TraceTableStore(directory);
        using (var writer = store.CreateWriter(Packets, SampleRows.Schema, new TraceTableWriterOptions { RowsPerBatch = 5_000, RowsPerSegment = RowsPerSegment }))
        {
            SampleRows.Write(writer, 0, rows);
            writer.Commit();
        }
        return store.OpenTable(Packets);
    }

    /// <summary>An executor value in <see cref="SampleRows.Value"/>'s normal form.</summary>
    internal static object? Normalise(Vector vector, int row)
    {
        if (vector.IsNull(row))
            return null;
        switch (vector.PhysicalType)
        {
            case PhysicalType.Int16: return (long)vector.Get<short>(row);
            case PhysicalType.Int32: return (long)vector.Get<int>(row);
            case PhysicalType.Int64: return vector.Get<long>(row);
            case PhysicalType.Inet4: return (long)vector.Get<uint>(row);
            case PhysicalType.VarBytes when vector.Type.Id == Planner.Types.TypeId.Bytea: return Convert.ToHexString(vector.GetBytes(row));
            case PhysicalType.Inet:
            {
                var value = vector.Get<InetValue>(row);
                var bytes = new byte[16];
                if (value.IsV6)
                {
                    BinaryPrimitives.WriteUInt64BigEndian(bytes, value.High);
                    BinaryPrimitives.WriteUInt64BigEndian(bytes.AsSpan(8), value.Low);
                }
                else
                {
                    bytes[10] = bytes[11] = 0xFF;
                    BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(12), (uint)value.Low);
                }
                return Convert.ToHexString(bytes);
            }
            case PhysicalType.MacAddr:
            {
                var bytes = new byte[8];
                BinaryPrimitives.WriteUInt64BigEndian(bytes, vector.Get<ulong>(row));
                return Convert.ToHexString(bytes.AsSpan(2));
            }
            default: return VectorValues.Get(vector, row);
        }
    }
}
