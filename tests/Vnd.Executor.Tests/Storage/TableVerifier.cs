using Vnd.Executor.Storage;
using Vnd.Executor.Storage.Manifest;

namespace Vnd.Executor.Tests.Storage;

/// <summary>Reads a sample table back and checks every value and every segment statistic.</summary>
public static class TableVerifier
{
    /// <summary>Checks the table holds exactly <see cref="SampleRows"/> rows 0..rows-1 in order.</summary>
    public static void CheckValues(TraceTable table, long rows, SegmentReadMode mode = SegmentReadMode.Streamed)
    {
        var reader = new TraceTableReader(table);
        long row = 0;
        foreach (var segment in reader.Segments)
        {
            using var segmentReader = reader.OpenSegment(segment, mode);
            while (segmentReader.ReadNext() is { } batch)
            {
                using (batch)
                {
                    for (var i = 0; i < batch.Length; i++, row++)
                    {
                        for (var c = 0; c < SampleRows.Schema.Count; c++)
                            Assert.Equal(SampleRows.Value(c, row), SampleRows.Read(batch, c, i));
                    }
                }
            }
        }
        Assert.Equal(rows, row);
        Assert.Equal(rows, table.RowCount);
    }

    /// <summary>Checks row counts, nulls, bounds and sizes of every segment against the generator.</summary>
    public static void CheckStatistics(TraceTable table, int rowsPerBatch)
    {
        long first = 0;
        foreach (var segment in table.Segments)
        {
            Assert.Equal(new FileInfo(table.SegmentPath(segment)).Length, segment.Bytes);
            Assert.Equal((int)((segment.Rows + rowsPerBatch - 1) / rowsPerBatch), segment.Batches);
            for (var c = 0; c < SampleRows.Schema.Count; c++)
                CheckColumn(segment.Columns[c], c, first, segment.Rows, rowsPerBatch);
            first += segment.Rows;
        }
    }

    private static void CheckColumn(ColumnStatistics stats, int c, long first, long rows, int rowsPerBatch)
    {
        long nulls = 0;
        object? min = null, max = null;
        for (var row = first; row < first + rows; row++)
        {
            var v = SampleRows.Value(c, row);
            if (v is null)
            {
                nulls++;
                continue;
            }
            if (v is bool b)
                v = b ? 1L : 0L;
            if (min is null || Compare(v, min) < 0)
                min = v;
            if (max is null || Compare(v, max) > 0)
                max = v;
        }
        Assert.Equal(nulls, stats.NullCount);
        switch (c)
        {
            case 4 or 5:
                Assert.Equal(min, stats.MinReal);
                Assert.Equal(max, stats.MaxReal);
                Assert.Null(stats.MinInteger);
                break;
            case 6 or 7:
                Assert.Null(stats.MinInteger);
                Assert.Null(stats.MinBytes);
                Assert.Null(stats.MinReal);
                break;
            case 12 or 13 or 14:
                Assert.Equal(min, Convert.ToHexString(stats.MinBytes!));
                Assert.Equal(max, Convert.ToHexString(stats.MaxBytes!));
                break;
            default:
                Assert.Equal(min, stats.MinInteger);
                Assert.Equal(max, stats.MaxInteger);
                Assert.Null(stats.MinReal);
                break;
        }
        var width = c switch { 1 => 2, 2 or 11 => 4, 3 or 8 or 9 or 10 => 8, 12 or 13 => 16, 14 => 6, _ => 0 };
        if (width > 0)
            Assert.Equal(ExpectedFixedWidthBytes(c, first, rows, rowsPerBatch, width), stats.ByteSize);
    }

    /// <summary>Values plus, for each batch that has a null, its validity bitmap.</summary>
    private static long ExpectedFixedWidthBytes(int c, long first, long rows, int rowsPerBatch, int width)
    {
        long bytes = rows * width;
        for (var start = first; start < first + rows; start += rowsPerBatch)
        {
            var n = Math.Min(rowsPerBatch, first + rows - start);
            for (var row = start; row < start + n; row++)
            {
                if (SampleRows.IsNull(c, row))
                {
                    bytes += (n + 7) / 8;
                    break;
                }
            }
        }
        return bytes;
    }

    private static int Compare(object a, object b) => a switch
    {
        long x => x.CompareTo((long)b),
        double x => x.CompareTo((double)b),
        string x => string.CompareOrdinal(x, (string)b),
        _ => throw new InvalidOperationException(),
    };
}
