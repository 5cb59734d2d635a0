using Vnd.Wire.Protocol.Backend;

namespace Vnd.Wire.Results;

/// <summary>
/// Sends COPY OUT data: one CopyData message per call, or whole batches of framed CopyData rows written in place
/// through <see cref="IFramedOutput"/>; rows are counted for the "COPY n" tag.
/// </summary>
public sealed class CopyDataWriter : IFramedOutput
{
    private readonly BackendWriter _output;

    public CopyDataWriter(BackendWriter output) => _output = output;

    public long RowCount { get; private set; }

    internal void Reset() => RowCount = 0;

    /// <summary>One row of text/CSV output (including its newline) or one binary tuple.</summary>
    public void WriteRow(ReadOnlySpan<byte> row)
    {
        _output.WriteCopyData(row);
        RowCount++;
    }

    public Span<byte> GetSpan(int sizeHint) => _output.GetSpan(sizeHint);

    public void Advance(int bytes, int rows)
    {
        _output.Advance(bytes);
        RowCount += rows;
    }

    /// <summary>Data that is not a row: the binary COPY header or trailer, a CSV header line.</summary>
    public void Write(ReadOnlySpan<byte> data) => _output.WriteCopyData(data);
}
