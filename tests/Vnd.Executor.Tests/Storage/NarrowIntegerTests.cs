using Apache.Arrow;
using Apache.Arrow.Types;
using Vnd.Executor.Execution;
using Vnd.Executor.Scans;
using Vnd.Executor.Storage;
using Vnd.Executor.Storage.Builders;
using Vnd.Executor.Storage.Manifest;
using Vnd.Executor.Tests.Scans;
using Vnd.Planner.Types;

namespace Vnd.Executor.Tests.Storage;

/// <summary>
/// int2/int4/int8 columns are stored per segment as the narrowest integer type holding the segment's values
/// (<see cref="StoredIntegerType"/>) and read back as their own type: the stored type at the edges of each range, NULLs,
/// negative values, a single value, a column that widens from one segment to the next, and segments written before
/// narrowing (stored as the logical type).
/// </summary>
public sealed class NarrowIntegerTests : IDisposable
{
    private static readonly TableRef Table = new("s", "narrow");
    private readonly TempDataDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    public static TheoryData<string, long, long, ArrowTypeId> Ranges() => new()
    {
        { "int2", 0, 255, ArrowTypeId.UInt8 },
        { "int2", -128, 127, ArrowTypeId.Int8 },
        { "int2", -129, 0, ArrowTypeId.Int16 },
        { "int2", 0, 256, ArrowTypeId.Int16 },
        { "int2", short.MinValue, short.MaxValue, ArrowTypeId.Int16 },
        { "int2", 5, 5, ArrowTypeId.UInt8 },
        { "int4", 0, 255, ArrowTypeId.UInt8 },
        { "int4", -1, 127, ArrowTypeId.Int8 },
        { "int4", 0, 65535, ArrowTypeId.UInt16 },
        { "int4", -32768, 32767, ArrowTypeId.Int16 },
        { "int4", 0, 65536, ArrowTypeId.Int32 },
        { "int4", int.MinValue, int.MaxValue, ArrowTypeId.Int32 },
        { "int4", -7, -7, ArrowTypeId.Int8 },
        { "int8", 0, 255, ArrowTypeId.UInt8 },
        { "int8", -128, -1, ArrowTypeId.Int8 },
        { "int8", 0, 65535, ArrowTypeId.UInt16 },
        { "int8", -1, 32767, ArrowTypeId.Int16 },
        { "int8", 0, uint.MaxValue, ArrowTypeId.UInt32 },
        { "int8", int.MinValue, int.MaxValue, ArrowTypeId.Int32 },
        { "int8", -1, uint.MaxValue, ArrowTypeId.Int64 },
        { "int8", 0, 1L << 32, ArrowTypeId.Int64 },
        { "int8", long.MinValue, long.MaxValue, ArrowTypeId.Int64 },
        { "int8", long.MaxValue, long.MaxValue, ArrowTypeId.Int64 },
    };

    [Theory]
    [MemberData(nameof(Ranges))]
    public void Values_at_the_edges_round_trip_through_the_narrowest_stored_type(string type, long min, long max, ArrowTypeId stored)
    {
        var sqlType = Type(type);
        // The first batch (min, max, NULL) fixes the stored type; the second stays inside it; more than 32 values per
        // batch so the vectorised cut and the widening copy run as well as their tails.
        var values = new List<long?> { min, max, null };
        for (var i = 0; i < 70; i++)
            values.Add(i % 9 == 4 ? null : min + (long)((UInt128)(ulong)(max - min) * (ulong)i / 69));
        Write(sqlType, values, rowsPerBatch: 3 + 34);

        var table = new TraceTableStore(_dir.Path).OpenTable(Table);
        Assert.Single(table.Segments);
        Assert.Equal([stored], StoredTypes(table));
        Assert.Equal(min, table.Segments[0].Columns[0].MinInteger);
        Assert.Equal(max, table.Segments[0].Columns[0].MaxInteger);
        Assert.Equal(values, ReadStored(table));
        Assert.Equal(values, Scan(table));
    }

    [Theory]
    [InlineData("int2")]
    [InlineData("int4")]
    [InlineData("int8")]
    public void A_column_of_nulls_is_stored_as_bytes(string type)
    {
        var values = Enumerable.Repeat<long?>(null, 10).ToList();
        Write(Type(type), values, rowsPerBatch: 4);
        var table = new TraceTableStore(_dir.Path).OpenTable(Table);
        Assert.Equal([ArrowTypeId.UInt8], StoredTypes(table));
        Assert.Equal(values, Scan(table));
    }

    [Fact]
    public void A_column_widens_from_one_segment_to_the_next_and_a_batch_that_does_not_fit_starts_a_segment()
    {
        // Segments of 8 rows in batches of 4. Rows 0..7 hold 0..7: UInt8. Rows 8..11 hold -3..0, with the previous
        // segment's 0..7: Int8. Rows 12..15 (70,000 + row) do not fit Int8, so they start the next segment, whose type
        // covers the previous range too (-3..70,015: Int32) and which takes rows 12..19; the last, 70,012..70,023: UInt32.
        var values = new List<long?>();
        for (var row = 0; row < 24; row++)
        {
            values.Add(row switch
            {
                < 8 => row,
                < 12 => row - 11,
                13 => null,
                _ => 70_000 + row,
            });
        }
        Write(SqlType.Int8, values, rowsPerBatch: 4, rowsPerSegment: 8);

        var table = new TraceTableStore(_dir.Path).OpenTable(Table);
        Assert.Equal([8L, 4, 8, 4], table.Segments.Select(s => s.Rows));
        Assert.Equal([ArrowTypeId.UInt8, ArrowTypeId.Int8, ArrowTypeId.Int32, ArrowTypeId.UInt32], StoredTypes(table));
        Assert.Equal(values, ReadStored(table));
        Assert.Equal(values, Scan(table));
    }

    [Fact]
    public void Segments_stored_as_the_logical_type_are_still_read()
    {
        var values = Enumerable.Range(0, 50).Select(i => i % 7 == 0 ? null : (long?)(i * 3 - 20)).ToList();
        Write(SqlType.Int8, values, rowsPerBatch: 16, rowsPerSegment: 32);
        OldFormat.Rewrite(new TraceTableStore(_dir.Path).OpenTable(Table));

        var table = new TraceTableStore(_dir.Path).OpenTable(Table);
        Assert.Equal([ArrowTypeId.Int64, ArrowTypeId.Int64], StoredTypes(table));
        Assert.Equal(values, ReadStored(table));
        Assert.Equal(values, Scan(table));
    }

    internal static SqlType Type(string name) => ArrowTypeMapping.FromStorageName(name, null, null, "v");

    private void Write(SqlType type, List<long?> values, int rowsPerBatch, long rowsPerSegment = 1 << 20)
    {
        var store = new TraceTableStore(_dir.Path);
        var options = new TraceTableWriterOptions { RowsPerBatch = rowsPerBatch, RowsPerSegment = rowsPerSegment };
        using var writer = store.CreateWriter(Table, new TableSchema([new ColumnSchema("v", type)]), options);
        foreach (var value in values)
        {
            if (value is not { } v)
                writer.Columns[0].AppendNull();
            else if (type.Id == TypeId.Int2)
                writer.GetBuilder<Int16ColumnBuilder>(0).Append((short)v);
            else if (type.Id == TypeId.Int4)
                writer.GetBuilder<Int32ColumnBuilder>(0).Append((int)v);
            else
                writer.GetBuilder<Int64ColumnBuilder>(0).Append(v);
            writer.EndRow();
        }
        writer.Commit();
    }

    /// <summary>The stored Arrow type of the column in each segment, from the segment file's own schema.</summary>
    private static List<ArrowTypeId> StoredTypes(TraceTable table)
    {
        var types = new List<ArrowTypeId>();
        foreach (var segment in table.Segments)
        {
            using var reader = new Apache.Arrow.Ipc.ArrowFileReader(File.OpenRead(table.SegmentPath(segment)));
            var field = reader.Schema.FieldsList[0];
            Assert.Equal(ArrowTypeMapping.StorageName(table.Schema[0].Type), field.Metadata[ArrowTypeMapping.TypeKey]);
            Assert.Equal(table.Schema[0].Type, ArrowTypeMapping.FromField(field));
            types.Add(field.DataType.TypeId);
        }
        return types;
    }

    /// <summary>The values as an Arrow reader sees them: the stored arrays, read value by value.</summary>
    private static List<long?> ReadStored(TraceTable table)
    {
        var values = new List<long?>();
        foreach (var batch in new TraceTableReader(table).ReadBatches())
        {
            for (var i = 0; i < batch.Length; i++)
                values.Add(batch.Column(0).IsNull(i) ? null : StoredIntegerType.Value(batch.Column(0), i));
        }
        return values;
    }

    /// <summary>The values as a scan reads them into vectors of the logical type.</summary>
    private static List<long?> Scan(TraceTable table)
    {
        var values = new List<long?>();
        using var context = new QueryContext();
        using var reader = new TraceTableBatchSource(table).Open([0], 0, 1, context);
        while (reader.Next() is { } batch)
        {
            for (var r = 0; r < batch.Count; r++)
                values.Add((long?)TraceTableBatchSourceTests.Normalise(batch[0], r));
        }
        return values;
    }
}

/// <summary>Rewrites a table's segments as the writer wrote them before integers were stored narrower: every column as its logical type.</summary>
internal static class OldFormat
{
    public static void Rewrite(TraceTable table)
    {
        var schema = ArrowTypeMapping.ToArrowSchema(table.Schema);
        var segments = new List<SegmentInfo>();
        foreach (var segment in table.Segments)
        {
            var batches = new List<RecordBatch>();
            using (var reader = new Apache.Arrow.Ipc.ArrowFileReader(File.OpenRead(table.SegmentPath(segment))))
            {
                while (reader.ReadNextRecordBatch() is { } batch)
                    batches.Add(new RecordBatch(schema, Enumerable.Range(0, batch.ColumnCount).Select(c => Widen(table.Schema[c].Type, batch.Column(c))), batch.Length));
            }
            using (var stream = File.Create(table.SegmentPath(segment)))
            using (var writer = new Apache.Arrow.Ipc.ArrowFileWriter(stream, schema))
            {
                writer.WriteStart();
                foreach (var batch in batches)
                    writer.WriteRecordBatch(batch);
                writer.WriteEnd();
            }
            segments.Add(segment with { Bytes = new FileInfo(table.SegmentPath(segment)).Length });
        }
        var manifest = ManifestFile.TryLoad(table.Directory)!;
        ManifestFile.Save(table.Directory, manifest with { Segments = segments });
    }

    private static IArrowArray Widen(SqlType type, IArrowArray array)
    {
        if (!StoredIntegerType.IsNarrowable(type))
            return array;
        var values = Enumerable.Range(0, array.Length).Select(i => array.IsNull(i) ? null : StoredIntegerType.Value(array, i)).ToList();
        return type.Id switch
        {
            TypeId.Int2 => Build(new Int16Array.Builder(), values, v => (short)v),
            TypeId.Int4 => Build(new Int32Array.Builder(), values, v => (int)v),
            _ => Build(new Int64Array.Builder(), values, v => v),
        };
    }

    private static IArrowArray Build<T, TArray, TBuilder>(PrimitiveArrayBuilder<T, TArray, TBuilder> builder, List<long?> values, Func<long, T> convert)
        where T : struct
        where TArray : IArrowArray
        where TBuilder : class, IArrowArrayBuilder<TArray>
    {
        foreach (var value in values)
        {
            if (value is { } v)
                builder.Append(convert(v));
            else
                builder.AppendNull();
        }
        return builder.Build(null);
    }
}
