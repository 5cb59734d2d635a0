using Apache.Arrow;
using Vnd.Executor.Storage;
using Vnd.Executor.Storage.Builders;
using Vnd.Planner.Types;

namespace Vnd.Executor.Tests.Storage;

/// <summary>Column-at-a-time appending (<see cref="PrimitiveColumnBuilder{T}.AppendRange"/> + <see cref="TraceTableWriter.EndRows"/>), as the importer does.</summary>
public sealed class BulkAppendTests : IDisposable
{
    private static readonly TableRef Flows = new("t", "flows");
    private static readonly TableSchema Schema = new([new ColumnSchema("a", SqlType.Int8), new ColumnSchema("b", SqlType.Int2)]);
    private readonly TempDataDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    /// <param name="inPlace">
    /// Whether the runs are written in place (<see cref="PrimitiveColumnBuilder{T}.AppendSlots"/> and
    /// <see cref="PrimitiveColumnBuilder{T}.SetNull"/>, as the common-frame path writes them) rather than converted.
    /// </param>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Runs_of_rows_with_nulls_round_trip_across_batch_boundaries(bool inPlace)
    {
        var store = new TraceTableStore(_dir.Path);
        const int Rows = 95;
        using (var writer = store.CreateWriter(Flows, Schema, new TraceTableWriterOptions { RowsPerBatch = 10, RowsPerSegment = 40 }))
        {
            var a = writer.GetBuilder<Int64ColumnBuilder>(0);
            var b = writer.GetBuilder<Int16ColumnBuilder>(1);
            for (var first = 0; first < Rows;)
            {
                // Runs of 7 rows, cut where the writer's batch ends.
                var count = Math.Min(Math.Min(7, Rows - first), writer.RowsUntilFlush);
                var values = new long[count];
                var present = new bool[count];
                for (var i = 0; i < count; i++)
                {
                    present[i] = (first + i) % 3 != 0;
                    values[i] = present[i] ? 100_000 + first + i : 0;
                }
                if (inPlace)
                    AppendInPlace(values, present, a, b);
                else
                {
                    a.AppendRange(values, present);
                    b.AppendRange(values, present);
                }
                writer.EndRows(count);
                first += count;
            }
            writer.Commit();
        }

        var row = 0;
        foreach (var batch in store.OpenReader(Flows).ReadBatches())
        {
            var a = batch.Column(0);
            var b = batch.Column(1);
            Assert.Equal(Enumerable.Range(row, batch.Length).Count(r => r % 3 == 0), a.NullCount);
            for (var i = 0; i < batch.Length; i++, row++)
            {
                Assert.Equal(row % 3 != 0 ? 100_000 + row : null, StoredIntegerType.Value(a, i));
                Assert.Equal(row % 3 != 0 ? (short)(100_000 + row) : null, (short?)StoredIntegerType.Value(b, i));
            }
        }
        Assert.Equal(Rows, row);
    }

    private static void AppendInPlace(long[] values, bool[] present, Int64ColumnBuilder a, Int16ColumnBuilder b)
    {
        var start = a.Count;
        var slotsA = a.AppendSlots(values.Length);
        var slotsB = b.AppendSlots(values.Length);
        for (var i = 0; i < values.Length; i++)
        {
            slotsA[i] = values[i] + 1; // overwritten with zero where NULL
            slotsB[i] = (short)(values[i] + 1);
            if (present[i])
            {
                slotsA[i] = values[i];
                slotsB[i] = (short)values[i];
                continue;
            }
            a.SetNull(start + i);
            a.SetNull(start + i); // twice is once
            b.SetNull(start + i);
        }
    }

    /// <summary>Values of every width, negative and past the column's range, in runs long enough for the vector narrowing and with a tail.</summary>
    [Theory]
    [InlineData(1)]
    [InlineData(15)]
    [InlineData(16)]
    [InlineData(67)]
    [InlineData(1_000)]
    public void Long_runs_keep_the_low_bits_of_every_value(int count)
    {
        var random = new Random(count);
        var values = new long[count];
        var present = new bool[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = (i % 4) switch { 0 => random.NextInt64(), 1 => -random.Next(), 2 => random.Next(70_000) - 35_000, _ => long.MinValue + i };
            present[i] = i % 29 != 5;
        }
        var int2 = new Int16ColumnBuilder(count);
        var int4 = new Int32ColumnBuilder(count);
        var int8 = new Int64ColumnBuilder(count);
        var inet = new Inet4ColumnBuilder(count);
        int2.AppendRange(values, present);
        int4.AppendRange(values, present);
        int8.AppendRange(values, present);
        inet.AppendRange(values, present);
        for (var i = 0; i < count; i++)
        {
            Assert.Equal(present[i] ? (short)values[i] : 0, int2.Values[i]);
            Assert.Equal(present[i] ? (int)values[i] : 0, int4.Values[i]);
            Assert.Equal(present[i] ? values[i] : 0, int8.Values[i]);
            Assert.Equal(present[i] ? (uint)values[i] : 0, inet.Values[i]);
        }
    }

    [Fact]
    public void Slots_past_the_batch_or_nulls_past_the_count_are_refused()
    {
        var builder = new Int32ColumnBuilder(4);
        builder.AppendSlots(3).Fill(7);
        Assert.Equal(StorageErrorKind.InvalidUsage, Assert.Throws<StorageException>(() => builder.AppendSlots(2)).Kind);
        Assert.Throws<ArgumentOutOfRangeException>(() => builder.SetNull(3));
        builder.SetNull(1);
        Assert.Equal([7, 0, 7], builder.Values.ToArray());
        Assert.Equal(1, builder.NullCount);
    }

    [Fact]
    public void Ending_more_rows_than_the_batch_holds_is_refused()
    {
        using var writer = new TraceTableStore(_dir.Path).CreateWriter(Flows, Schema, new TraceTableWriterOptions { RowsPerBatch = 4 });
        Assert.Equal(4, writer.RowsUntilFlush);
        Assert.Equal(StorageErrorKind.InvalidUsage, Assert.Throws<StorageException>(() => writer.EndRows(5)).Kind);
        var values = new long[5];
        var present = new bool[5];
        Assert.Equal(StorageErrorKind.InvalidUsage,
            Assert.Throws<StorageException>(() => writer.GetBuilder<Int64ColumnBuilder>(0).AppendRange(values, present)).Kind);
    }

    [Fact]
    public void A_run_missing_from_one_column_is_refused_at_EndRows()
    {
        using var writer = new TraceTableStore(_dir.Path).CreateWriter(Flows, Schema);
        writer.GetBuilder<Int64ColumnBuilder>(0).AppendRange([1, 2], [true, true]);
        var e = Assert.Throws<StorageException>(() => writer.EndRows(2));
        Assert.Contains("\"b\"", e.Message);
    }
}
