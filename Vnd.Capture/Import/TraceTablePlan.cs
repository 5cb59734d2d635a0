using Vnd.Capture.Decoding;
using Vnd.Capture.Import.Columns;
using Vnd.Capture.Import.Filters;
using Vnd.Executor.Storage;

namespace Vnd.Capture.Import;

/// <summary>
/// One trace table being filled: its filter, one filler per column and the storage writer behind them. Packets
/// are offered one by one (the filter needs the live frame) and the accepted ones appended a run at a time,
/// column by column.
/// </summary>
public sealed class TraceTablePlan : IDisposable
{
    private readonly PacketPredicate? _filter;
    private readonly ColumnFiller[] _fillers;
    private readonly int[] _accepted = new int[PacketBatch.Capacity];
    private readonly RowStage? _rows;
    /// <summary>TCP option parts: which of them a segment has varies from frame to frame.</summary>
    private const LayerParts OptionParts = LayerParts.TcpMss | LayerParts.TcpWindowScale | LayerParts.TcpSackPermitted
        | LayerParts.TcpSack | LayerParts.TcpTimestamps;

    /// <summary>The common kinds (Tcp, Udp, TcpWithOptions).</summary>
    private const int CommonKinds = 3;

    /// <summary>
    /// Bit k set: the filter keeps frames of common kind k, decided once, from the kind's sample; a bit mask, tested
    /// per frame without an array's bounds check.
    /// </summary>
    private readonly int _keepsCommon;
    private int _acceptedCount;

    /// <param name="commonSamples">
    /// The common frame kinds' decoded samples (<see cref="CommonFrameSample"/>), or empty: with them, a table whose
    /// columns all have fixed loads and whose filter tests only which layers a packet has gets the common-frame path.
    /// </param>
    internal TraceTablePlan(TraceTableWriter writer, PacketPredicate? filter, ColumnFiller[] fillers, ReadOnlySpan<DecodedPacket> commonSamples = default)
    {
        Writer = writer;
        _filter = filter;
        _fillers = fillers;
        foreach (var filler in fillers)
            ReadsFrames |= filler.ReadsFrames;
        _rows = RowStage.TryCreate(fillers);
        if (_rows is null || commonSamples.Length != CommonKinds || filter is { ReadsValues: true })
            return;
        for (var kind = 0; kind < CommonKinds; kind++)
            _keepsCommon |= filter is null || filter.Matches(in commonSamples[kind], default) ? 1 << kind : 0;
        HasCommonPath = _rows.TryEnableCommonPath(fillers, commonSamples);
        StagesTcpOptions = HasCommonPath && _rows.StagesCommon(CommonFrameKind.TcpWithOptions)
            && (filter is null || IgnoresTcpOptions(filter, commonSamples[(int)CommonFrameKind.TcpWithOptions]));
    }

    /// <summary>
    /// Whether <paramref name="filter"/> (one that tests only which parts a packet has) gives the sample's answer
    /// whichever TCP options a segment carries: tried with every combination of the option parts.
    /// </summary>
    private static bool IgnoresTcpOptions(PacketPredicate filter, DecodedPacket sample)
    {
        var expected = filter.Matches(in sample, default);
        var parts = sample.Outer.Parts & ~OptionParts;
        for (var options = (int)OptionParts; ; options = (options - 1) & (int)OptionParts)
        {
            sample.Outer.Parts = parts | (LayerParts)options;
            if (filter.Matches(in sample, default) != expected)
                return false;
            if (options == 0)
                return true;
        }
    }

    /// <summary>Whether rows of common frames are staged from the frame bytes, without decoding (<see cref="OfferCommon"/>).</summary>
    internal bool HasCommonPath { get; }

    /// <summary>Whether frames of kind <see cref="CommonFrameKind.TcpWithOptions"/> are staged that way too.</summary>
    internal bool StagesTcpOptions { get; }

    /// <summary>Whether every column can be filled a row at a time from the live packet (<see cref="OfferRow"/>).</summary>
    internal bool HasRowPath => _rows is not null;

    public TraceTableWriter Writer { get; }

    public TableRef Table => Writer.Table;

    /// <summary>Rows appended by this import (the table may hold more from earlier imports).</summary>
    public long RowsAppended { get; private set; }

    /// <summary>Whether a column reads frame bytes, which the batch must then keep.</summary>
    internal bool ReadsFrames { get; }

    /// <summary>Marks packet <paramref name="index"/> of the current batch for appending when it passes the filter.</summary>
    internal void Offer(in DecodedPacket packet, ReadOnlySpan<byte> frame, int index)
    {
        if (_filter is null || _filter.Matches(in packet, frame))
            _accepted[_acceptedCount++] = index;
    }

    /// <summary>
    /// The row path: stages packet's row when it passes the filter, and appends the staged rows once a run is
    /// complete. Needs <see cref="HasRowPath"/>; the packet need not be in a batch.
    /// </summary>
    internal void OfferRow(in DecodedPacket packet, ReadOnlySpan<byte> frame)
    {
        if (_filter is not null && !_filter.Matches(in packet, frame))
            return;
        var rows = _rows!;
        rows.Add(in packet);
        if (rows.IsFull)
            AppendStaged();
    }

    /// <summary>
    /// The common-frame path: stages the row of a frame of <paramref name="kind"/> (Tcp, Udp, or TcpWithOptions with
    /// <see cref="StagesTcpOptions"/>) when the table keeps that kind, read from the frame bytes. Needs <see cref="HasCommonPath"/>.
    /// </summary>
    internal void OfferCommon(CommonFrameKind kind, ReadOnlySpan<byte> frame, long timestampNanos, int originalLength, int interfaceId)
    {
        if ((_keepsCommon & (1 << ((int)kind & 31))) == 0)
            return;
        var rows = _rows!;
        rows.AddCommon(kind, frame, timestampNanos, originalLength, interfaceId);
        if (rows.IsFull)
            AppendStaged();
    }

    /// <summary>Appends the rows staged by <see cref="OfferRow"/> (none without a row path).</summary>
    internal void AppendStaged()
    {
        if (_rows is { Count: > 0 })
            RowsAppended += _rows.AppendTo(Writer);
    }

    /// <summary>Appends the accepted packets of <paramref name="batch"/> as rows, in runs that fit the writer's batch.</summary>
    internal void Append(PacketBatch batch)
    {
        var rows = _accepted.AsSpan(0, _acceptedCount);
        _acceptedCount = 0;
        while (!rows.IsEmpty)
        {
            var run = rows[..Math.Min(rows.Length, Writer.RowsUntilFlush)];
            foreach (var filler in _fillers)
                filler.Fill(batch, run);
            Writer.EndRows(run.Length);
            RowsAppended += run.Length;
            rows = rows[run.Length..];
        }
    }

    /// <summary>Forgets the accepted packets of a batch that is not appended (an append failed).</summary>
    internal void Forget()
    {
        _acceptedCount = 0;
        _rows?.Clear();
    }

    public void Commit() => Writer.Commit();

    /// <summary>Where the table's disk work went (complete after <see cref="Commit"/>).</summary>
    public DiskQueueTimes DiskTimes => Writer.DiskTimes;

    public void Dispose() => Writer.Dispose();
}
