using System.Buffers;
using System.IO.Pipelines;
using Vnd.Wire.Protocol.Backend;
using Vnd.Wire.Results;
using Vnd.Wire.Tests.Fixture;
using Vnd.Wire.Types;

namespace Vnd.Wire.Tests;

/// <summary>The row writer's framing, misuse checks and its no-allocation-per-row promise.</summary>
public sealed class DataRowWriterTests
{
    private static readonly PgRowDescription Columns = new RowDescriptionBuilder()
        .Add("i", PgTypeOid.Int4).Add("t", PgTypeOid.Text).Add("f", PgTypeOid.Float8).Add("ts", PgTypeOid.TimestampTz)
        .Build();

    [Fact]
    public async Task Binary_row_bytes_are_framed_exactly()
    {
        var pipe = new Pipe();
        using var writer = new DataRowWriter(new BackendWriter(pipe.Writer), TimeZoneInfo.Utc);
        writer.Start(Columns.WithFormats([1]));
        writer.BeginRow();
        writer.WriteInt32(7);
        writer.WriteText("ab");
        writer.WriteNull();
        writer.WriteTimestampTz(0L);
        writer.EndRow();
        await pipe.Writer.FlushAsync();
        var read = await pipe.Reader.ReadAsync();
        var row = Assert.Single(InMemoryConnection.Parse(read.Buffer.ToArray()));
        Assert.Equal('D', row.Tag);
        Assert.Equal(Convert.FromHexString("0004" + "00000004" + "00000007" + "00000002" + "6162" + "ffffffff" + "00000008" + "0000000000000000"), row.Body);
    }

    [Fact]
    public void Wrong_value_count_is_an_engine_error()
    {
        var pipe = new Pipe();
        using var writer = new DataRowWriter(new BackendWriter(pipe.Writer), TimeZoneInfo.Utc);
        writer.Start(Columns);
        writer.BeginRow();
        writer.WriteInt32(1);
        Assert.Throws<InvalidOperationException>(writer.EndRow);
        writer.Start(Columns);
        writer.BeginRow();
        writer.WriteInt32(1);
        writer.WriteText("x");
        writer.WriteFloat8(1);
        writer.WriteTimestampTz(0L);
        Assert.Throws<InvalidOperationException>(() => writer.WriteInt32(2));
    }

    [Fact]
    public void Writing_rows_allocates_nothing_per_row()
    {
        using var writer = new DataRowWriter(new BackendWriter(new DiscardingPipeWriter()), TimeZoneInfo.Utc);
        void Batch(int rows)
        {
            for (var i = 0; i < rows; i++)
            {
                writer.BeginRow();
                writer.WriteInt32(i);
                writer.WriteText("some text value");
                writer.WriteFloat8(i * 0.5);
                writer.WriteTimestampTz(i * 1_000_000L);
                writer.EndRow();
            }
        }

        writer.Start(Columns);
        Batch(1000);
        var before = GC.GetAllocatedBytesForCurrentThread();
        Batch(1000);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated == 0, $"{allocated} bytes allocated for 1000 text rows");
    }

    /// <summary>A PipeWriter that reuses one buffer and drops what is written, so only the row writer allocates.</summary>
    private sealed class DiscardingPipeWriter : PipeWriter
    {
        private readonly byte[] _buffer = new byte[1 << 16];

        public override void Advance(int bytes)
        {
        }

        public override void CancelPendingFlush()
        {
        }

        public override void Complete(Exception? exception = null)
        {
        }

        public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default) => default;

        public override Memory<byte> GetMemory(int sizeHint = 0) => _buffer;

        public override Span<byte> GetSpan(int sizeHint = 0) => _buffer;
    }
}
