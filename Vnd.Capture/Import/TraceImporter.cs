using System.Diagnostics;
using System.Runtime.CompilerServices;
using Vnd.Capture.Decoding;
using Vnd.Capture.Fields;
using Vnd.Capture.Import.Columns;
using Vnd.Capture.Import.Filters;
using Vnd.Capture.ParseConfigs.Validation;
using Vnd.Capture.Sources;
using Vnd.Executor.Execution;
using Vnd.Executor.Storage;
using Vnd.Planner.Types;

namespace Vnd.Capture.Import;

/// <summary>
/// The trace parser of a table server (paper §3.2.2): packets from record sources are decoded once and offered to
/// every trace table of a validated parse configuration; each table keeps the packets its filter accepts, one
/// column per requested field. Tables are created on the first input, with the timestamp resolution of that input
/// (or of the table, when earlier imports created it). <see cref="Complete"/> makes the rows durable and visible.
/// </summary>
public sealed class TraceImporter : IDisposable
{
    /// <summary>The timestamp given to packets that have none; timestamp columns store NULL for it.</summary>
    internal const long NoTimestamp = long.MinValue;

    private readonly TraceTableStore _store;
    private readonly string _schema;
    private readonly BoundParseConfiguration _configuration;
    private readonly FieldCatalog _catalog;
    private readonly TraceImportOptions _options;
    private readonly PacketDecoder _decoder;
    private readonly long[] _decodeErrors = new long[64];
    private readonly long[] _readerErrors = new long[Enum.GetValues<ReaderErrorKind>().Length];
    private readonly List<SourceEnd> _sources = [];
    private readonly Stopwatch _clock = new();
    private TraceTablePlan[]? _tables;
    private PacketBatch? _batch;
    /// <summary>The one packet the row path decodes into (the batch path decodes into the batch's slots).</summary>
    private DecodedPacket _packet = DecodedPacket.Create();
    /// <summary>Where the common-frame path decodes TCP options only to learn whether they are malformed.</summary>
    private HeaderLayer _optionsScratch;
    private long _packets;
    private long _bytes;

    public TraceImporter(TraceTableStore store, string schema, BoundParseConfiguration configuration,
        FieldCatalog? catalog = null, TraceImportOptions? options = null)
    {
        _store = store;
        _schema = schema;
        _configuration = configuration;
        _catalog = catalog ?? FieldCatalog.Default;
        _options = options ?? TraceImportOptions.Default;
        _decoder = new PacketDecoder(_options.Decoder);
    }

    /// <summary>Frames whose rows were staged from their bytes without decoding (the common-frame path).</summary>
    internal long CommonFrames { get; private set; }

    /// <summary>The tables this import fills (empty until the first input is read).</summary>
    public IReadOnlyList<TraceTablePlan> Tables => _tables ?? [];

    /// <summary>Reads one input to its end, appending rows.</summary>
    // The per-packet loop and the per-run column code it calls are compiled fully optimised at their first call: a
    // `vnd import` process lives seconds, and with tiering much of that was spent in tier-0 and instrumented
    // (Dynamic PGO) code before tier 1 arrived (docs/benchmarks.md, ingest4). The same attribute marks the hot
    // methods of the reader, the row stage, the fillers, the builders and the sketches.
    public void Import(IRecordSource source, string inputName, IProgress<ImportProgress>? progress = null, CancellationToken cancellation = default)
    {
        // The loop is specialised per cursor type: for a classic pcap file the reader is called directly (and
        // inlined), not through the interface once per packet (docs/benchmarks.md, ingest10).
        if (source is PcapReader pcap)
            Import(new PcapCursor(pcap), source, inputName, progress, cancellation);
        else
            Import(new SourceCursor(source), source, inputName, progress, cancellation);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Import<TCursor>(TCursor cursor, IRecordSource source, string inputName, IProgress<ImportProgress>? progress,
        CancellationToken cancellation)
        where TCursor : struct, IRecordCursor
    {
        _clock.Start();
        // Restored in the finally below: the caller's thread is only lent to the import.
        var placedFrom = PlaceImportingThread();
        try
        {
            var tables = _tables ??= CreateTables(source.Resolution);
            var batch = _batch ??= new PacketBatch(ReadFrames(tables));
            var rowPath = _options.RowPath && RowPath(tables);
            // Tables that stage common frames from their bytes, and the others, which get those frames decoded; the
            // same split for frames with TCP options (tables reading no option field stage them too).
            var common = rowPath && _options.CommonFramePath ? CommonPathTables(tables, static t => t.HasCommonPath) : [];
            var decodedCommon = common.Length == 0 ? tables : CommonPathTables(tables, static t => !t.HasCommonPath);
            var optionsCommon = common.Length == 0 ? [] : CommonPathTables(tables, static t => t.StagesTcpOptions);
            var optionsDecoded = common.Length == 0 ? tables : CommonPathTables(tables, static t => !t.StagesTcpOptions);
            long packets = 0;
            var interval = _options.ProgressInterval;
            var nextReport = interval;
            try
            {
                if (common.Length == 1 && decodedCommon.Length == 0)
                {
                    // One table, staging common frames from their bytes: the usual configuration, given a loop of its
                    // own (ImportCommonRun) that runs from one progress report to the next.
                    var stop = interval > 0 ? nextReport : long.MaxValue;
                    while ((packets = ImportCommonRun(ref cursor, common[0], packets, stop)) == stop)
                    {
                        Append(tables, batch);
                        nextReport += interval;
                        stop = nextReport;
                        cancellation.ThrowIfCancellationRequested();
                        progress?.Report(new ImportProgress(inputName, packets, source.Diagnostics.BytesRead));
                    }
                }
                else
                {
                    while (cursor.TryReadNext(out var record))
                    {
                        var frame = record.Data;
                        if (common.Length != 0 && record.LinkType == LinkType.Ethernet
                            && CommonFrameDecoder.Classify(frame, record.OriginalLength, _decoder.Options) is var kind and not CommonFrameKind.None
                            && (kind != CommonFrameKind.TcpWithOptions || optionsCommon.Length != 0))
                        {
                            CommonFrames++;
                            var options = kind == CommonFrameKind.TcpWithOptions;
                            var timestamp = record.HasTimestamp ? record.TimestampNanos : NoTimestamp;
                            foreach (var table in options ? optionsCommon : common)
                                table.OfferCommon(kind, frame, timestamp, record.OriginalLength, record.InterfaceId);
                            // Decoding (for the other tables) counts the frame's errors; else a cut capture and malformed
                            // TCP options are the only errors such a frame can have (as the general decoder finds them).
                            var decoded = options ? optionsDecoded : decodedCommon;
                            if (decoded.Length != 0)
                                Decode(frame, record.LinkType, record.OriginalLength, timestamp, record.InterfaceId, decoded, batch, rowPath: true);
                            else
                            {
                                if (frame.Length < record.OriginalLength)
                                    _decodeErrors[(int)DecodeErrorKind.SnaplenCut]++;
                                if (options)
                                    CountMalformedOptions(frame);
                            }
                        }
                        else
                        {
                            Decode(frame, record.LinkType, record.OriginalLength, record.HasTimestamp ? record.TimestampNanos : NoTimestamp,
                                record.InterfaceId, tables, batch, rowPath);
                        }
                        if (++packets == nextReport)
                        {
                            // Rows are appended before a cancellation, so every packet counted is in the tables.
                            Append(tables, batch);
                            nextReport += interval;
                            cancellation.ThrowIfCancellationRequested();
                            progress?.Report(new ImportProgress(inputName, packets, source.Diagnostics.BytesRead));
                        }
                    }
                }
            }
            finally
            {
                // Also when the source fails: the packets read before the failure become rows, as they would
                // have one by one. A failed append has already emptied the batch.
                Append(tables, batch);
            }
            _packets += packets;
            _bytes += source.Diagnostics.BytesRead;
            var counts = source.Diagnostics.Counts;
            for (var i = 0; i < counts.Length && i < _readerErrors.Length; i++)
                _readerErrors[i] += counts[i];
            _sources.Add(new SourceEnd(inputName, packets, source.Diagnostics.TruncatedAtOffset, source.Diagnostics.AbandonedAtOffset));
            progress?.Report(new ImportProgress(inputName, packets, source.Diagnostics.BytesRead));
        }
        finally
        {
            placedFrom?.TryApplyToCurrentThread();
            _clock.Stop();
        }
    }

    /// <summary>
    /// Keeps the calling thread on the placement's importing CPUs; returns the CPUs it was allowed before (null when
    /// there is no placement or it could not be applied).
    /// </summary>
    private CpuSet? PlaceImportingThread()
    {
        if (_options.ThreadPlacement is not { } placement || CpuSet.OfCurrentThread() is not { } before)
            return null;
        return placement.Importing.TryApplyToCurrentThread() ? before : null;
    }

    /// <summary>Commits every table (their last segments become visible) and reports what was imported.</summary>
    public ImportSummary Complete()
    {
        _clock.Start();
        var rows = new List<(TableRef, long)>();
        var disk = new List<DiskQueueTimes>();
        foreach (var table in Tables)
        {
            table.Commit();
            rows.Add((table.Table, table.RowsAppended));
            disk.Add(table.DiskTimes);
        }
        _clock.Stop();
        return new ImportSummary(_packets, _bytes, rows, (long[])_decodeErrors.Clone(), (long[])_readerErrors.Clone(), _sources.ToArray(), _clock.Elapsed,
            disk);
    }

    public void Dispose()
    {
        foreach (var table in Tables)
            table.Dispose();
    }

    private static bool ReadFrames(TraceTablePlan[] tables)
    {
        foreach (var table in tables)
        {
            if (table.ReadsFrames)
                return true;
        }
        return false;
    }

    /// <summary>
    /// Decodes a record and offers the packet to every table (the row path) or adds it to the batch;
    /// <paramref name="timestampNanos"/> is <see cref="NoTimestamp"/> for a record without one.
    /// </summary>
    // The record's fields, not the record: passed by value, the loops' record was materialised on the stack and copied
    // (rep movsq) for the call; by reference, its address would be taken and every field stored and loaded per packet.
    // Never inlined: the loops stay small, with their values in registers, on the common-frame path that skips this.
    [MethodImpl(MethodImplOptions.AggressiveOptimization | MethodImplOptions.NoInlining)] // hot in every import: fully optimised from the first call (see TraceImporter)
    private void Decode(ReadOnlySpan<byte> frame, LinkType linkType, int originalLength, long timestampNanos, int interfaceId,
        TraceTablePlan[] tables, PacketBatch batch, bool rowPath)
    {
        ref var packet = ref rowPath ? ref _packet : ref batch.Next;
        _decoder.Decode(frame, (ushort)linkType, originalLength, ref packet);
        // pcapng simple packet blocks carry no time: their timestamp column is NULL, not 1970.
        packet.TimestampNanos = timestampNanos;
        packet.InterfaceId = interfaceId;
        if (packet.Errors != 0)
            CountDecodeErrors(packet.Errors);
        if (rowPath)
        {
            foreach (var table in tables)
                table.OfferRow(in packet, frame);
            return;
        }
        var index = batch.Add(frame);
        foreach (var table in tables)
            table.Offer(in packet, frame, index);
        if (batch.IsFull)
            Append(tables, batch);
    }

    /// <summary>
    /// The per-packet loop of an import whose one table stages common frames from their bytes: reads records until
    /// <paramref name="packets"/> reaches <paramref name="stop"/> (a progress report is due) or the source ends, and does
    /// for each what the general loop in <see cref="Import{TCursor}"/> does for such a table. Returns the packets read
    /// so far, <paramref name="stop"/> when the source may have more.
    /// </summary>
    // Its own method, without an exception handler: in the general loop, inside try/finally, every value live into the
    // handler (packets, the cursor, the tables) was written to the stack at each change and the 440-byte frame spilled
    // the record and the loop bounds. Few values live across the loop (the SysV ABI has five callee-saved registers
    // for them): the tables and the batch are read from fields on the uncommon path, a count down replaces the count
    // and its bound. The uncommon frames go through Decode, out of line. Error counts are incremented in place (not
    // counted in a local and added at the end): a source that fails mid-file still has its errors summed
    // (ImportCommand calls Complete after a failed input).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot in every import: fully optimised from the first call
    private long ImportCommonRun<TCursor>(ref TCursor cursor, TraceTablePlan table, long packets, long stop)
        where TCursor : struct, IRecordCursor
    {
        // A copy, written back once: a ref parameter's value is reloaded after every store to memory.
        var reader = cursor;
        var remaining = stop - packets;
        var options = _decoder.Options;
        ref var snaplenCut = ref _decodeErrors[(int)DecodeErrorKind.SnaplenCut];
        while (remaining != 0 && reader.TryReadNext(out var record))
        {
            var frame = record.Data;
            var timestamp = record.HasTimestamp ? record.TimestampNanos : NoTimestamp;
            var kind = record.LinkType == LinkType.Ethernet
                ? CommonFrameDecoder.Classify(frame, record.OriginalLength, options)
                : CommonFrameKind.None;
            if (kind is CommonFrameKind.Tcp or CommonFrameKind.Udp || (kind == CommonFrameKind.TcpWithOptions && table.StagesTcpOptions))
            {
                CommonFrames++;
                table.OfferCommon(kind, frame, timestamp, record.OriginalLength, record.InterfaceId);
                // No other table decodes the frame: a cut capture and malformed TCP options are the only errors such
                // a frame can have (as the general decoder finds them).
                if (frame.Length < record.OriginalLength)
                    snaplenCut++;
                if (kind == CommonFrameKind.TcpWithOptions)
                    CountMalformedOptions(frame);
            }
            else
            {
                Decode(frame, record.LinkType, record.OriginalLength, timestamp, record.InterfaceId, _tables!, _batch!, rowPath: true);
            }
            remaining--;
        }
        cursor = reader;
        return stop - remaining;
    }

    /// <summary>Counts the malformed TCP options of a frame of kind <see cref="CommonFrameKind.TcpWithOptions"/> that no table decodes.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)] // off the loop of ImportCommonRun: one value fewer live across it
    private void CountMalformedOptions(ReadOnlySpan<byte> frame)
    {
        if (CommonFrameDecoder.TcpOptionsMalformed(frame, ref _optionsScratch))
            _decodeErrors[(int)DecodeErrorKind.TcpOptionsMalformed]++;
    }

    /// <summary>The tables <paramref name="chosen"/> picks (once per input, not per packet).</summary>
    private static TraceTablePlan[] CommonPathTables(TraceTablePlan[] tables, Func<TraceTablePlan, bool> chosen)
    {
        var picked = new List<TraceTablePlan>();
        foreach (var table in tables)
        {
            if (chosen(table))
                picked.Add(table);
        }
        return picked.ToArray();
    }

    /// <summary>Whether every table has a row path, so packets need not be kept in a batch.</summary>
    private static bool RowPath(TraceTablePlan[] tables)
    {
        foreach (var table in tables)
        {
            if (!table.HasRowPath)
                return false;
        }
        return true;
    }

    /// <summary>
    /// Appends the batch's accepted packets and the rows staged by the row path to every table and empties both,
    /// also when appending fails.
    /// </summary>
    private static void Append(TraceTablePlan[] tables, PacketBatch batch)
    {
        try
        {
            foreach (var table in tables)
            {
                table.AppendStaged();
                if (batch.Count != 0)
                    table.Append(batch);
            }
        }
        finally
        {
            batch.Clear();
            foreach (var table in tables)
                table.Forget();
        }
    }

    private void CountDecodeErrors(ulong errors)
    {
        while (errors != 0)
        {
            var bit = System.Numerics.BitOperations.TrailingZeroCount(errors);
            _decodeErrors[bit]++;
            errors &= errors - 1;
        }
    }

    private TraceTablePlan[] CreateTables(TimeUnit sourceResolution)
    {
        var compiler = new FilterCompiler(_catalog);
        var samples = CommonSamples();
        var plans = new List<TraceTablePlan>();
        try
        {
            foreach (var table in _configuration.Tables)
            {
                if (table.TraceId is not null && _options.TraceId is not null && table.TraceId != _options.TraceId)
                    continue;
                var tableRef = new TableRef(_schema, table.TableId);
                var unit = _store.TableExists(tableRef) ? ExistingTimestampUnit(tableRef) ?? sourceResolution : sourceResolution;
                var columns = new ColumnSchema[table.Columns.Count];
                var fields = new FieldDescriptor[table.Columns.Count][];
                var protocols = new bool[table.Columns.Count];
                for (var i = 0; i < columns.Length; i++)
                {
                    var column = table.Columns[i];
                    var type = column.Type.Id is TypeId.Timestamp or TypeId.TimestampTz
                        ? SqlType.TimestampTzOf(unit)
                        : column.Type;
                    columns[i] = new ColumnSchema(column.Name, type);
                    fields[i] = new FieldDescriptor[column.Fields.Count];
                    protocols[i] = false;
                    for (var f = 0; f < column.Fields.Count; f++)
                    {
                        var name = column.Fields[f];
                        if (ProtocolPresence.TryGetMarker(name, out var marker))
                        {
                            protocols[i] = true;
                            name = marker;
                        }
                        fields[i][f] = _catalog.TryResolve(name, out var field)
                            ? field
                            : throw new InvalidOperationException($"field {name} is not in the catalog");
                    }
                }
                var writer = _store.CreateWriter(tableRef, new TableSchema(columns), StorageOptions());
                var fillers = new ColumnFiller[columns.Length];
                for (var i = 0; i < fillers.Length; i++)
                {
                    fillers[i] = protocols[i]
                        ? new ProtocolFiller(fields[i], (Vnd.Executor.Storage.Builders.BoolColumnBuilder)writer.Columns[i])
                        : ColumnFillerFactory.Create(fields[i], writer.Columns[i]);
                }
                plans.Add(new TraceTablePlan(writer, table.Filter is null ? null : compiler.Compile(table.Filter), fillers, samples));
            }
        }
        catch
        {
            foreach (var plan in plans)
                plan.Dispose();
            throw;
        }
        return plans.ToArray();
    }

    /// <summary>The decoded sample frames of the common kinds (Tcp, Udp, TcpWithOptions), or none when these decoder options make one uncommon.</summary>
    private DecodedPacket[] CommonSamples()
    {
        var samples = new[] { DecodedPacket.Create(), DecodedPacket.Create(), DecodedPacket.Create() };
        for (var kind = 0; kind < samples.Length; kind++)
        {
            if (!CommonFrameSample.TryDecode((CommonFrameKind)kind, _decoder.Options, ref samples[kind]))
                return [];
        }
        return samples;
    }

    /// <summary>The tables' storage options, their disk threads on the placement's I/O CPUs unless placed already.</summary>
    private TraceTableWriterOptions StorageOptions() =>
        _options.ThreadPlacement is { } placement && _options.Storage.DiskThreadCpus is null
            ? _options.Storage with { DiskThreadCpus = placement.Io }
            : _options.Storage;

    private TimeUnit? ExistingTimestampUnit(TableRef table)
    {
        foreach (var column in _store.OpenTable(table).Schema.Columns)
        {
            if (column.Type.Id is TypeId.Timestamp or TypeId.TimestampTz)
                return column.Type.Unit;
        }
        return null;
    }
}
