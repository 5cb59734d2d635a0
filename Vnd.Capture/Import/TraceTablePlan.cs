using Vnd.Capture.Decoding;
using Vnd.Capture.Import.Columns;
using Vnd.Capture.Import.Filters;
using Vnd.Executor.Storage;

namespace Vnd.Capture.Import;

/// <summary>One trace table being filled: its filter, one filler per column and the storage writer behind them.</summary>
public sealed class TraceTablePlan : IDisposable
{
    private readonly PacketPredicate? _filter;
    private readonly ColumnFiller[] _fillers;

    internal TraceTablePlan(TraceTableWriter writer, PacketPredicate? filter, ColumnFiller[] fillers)
    {
        Writer = writer;
        _filter = filter;
        _fillers = fillers;
    }

    public TraceTableWriter Writer { get; }

    public TableRef Table => Writer.Table;

    /// <summary>Rows appended by this import (the table may hold more from earlier imports).</summary>
    public long RowsAppended { get; private set; }

    /// <summary>Appends the packet as a row when it passes the table's filter.</summary>
    public void Offer(in DecodedPacket packet, ReadOnlySpan<byte> frame)
    {
        if (_filter is not null && !_filter.Matches(in packet, frame))
            return;
        foreach (var filler in _fillers)
            filler.Fill(in packet, frame);
        Writer.EndRow();
        RowsAppended++;
    }

    public void Commit() => Writer.Commit();

    public void Dispose() => Writer.Dispose();
}
