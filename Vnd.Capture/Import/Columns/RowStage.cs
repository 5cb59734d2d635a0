using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Vnd.Capture.Decoding;
using Vnd.Capture.Fields;
using Vnd.Executor.Storage;
using Vnd.Executor.Storage.Builders;

namespace Vnd.Capture.Import.Columns;

/// <summary>
/// The row path of a trace table whose every column is read through slots (integers, timestamps, IPv4 addresses,
/// vnd.packet_id: the standard field set). Each accepted packet is read once, while its decoded form is hot in the
/// cache, straight into per-column staging arrays (<see cref="PacketSlot"/> loads, no per-field dispatch), and the
/// staged rows go to the column builders a run at a time. The batch path instead decodes 128 packets into a
/// ~100 KB array and then walks it once per column, which costs a cache miss per packet per column.
/// </summary>
internal sealed class RowStage
{
    private const int Capacity = PacketBatch.Capacity;

    private readonly IStagedColumnFiller[] _columns;
    /// <summary>Each column's builder and storage (<see cref="IStagedColumnFiller.Target"/>), read once.</summary>
    private readonly StagedColumn[] _targets;
    /// <summary>Columns read by one loaded field (nearly all): their slot and where the column's staged run starts.</summary>
    private readonly (PacketSlot Slot, int Start)[] _loaded;
    /// <summary>The other columns (several fields, or vnd.packet_id), read field by field.</summary>
    private readonly int[] _general;
    private readonly PacketSlot[] _slots;
    /// <summary>Column c reads slots [_firstSlot[c], _firstSlot[c + 1]): the first one present gives the value.</summary>
    private readonly int[] _firstSlot;
    private readonly long[] _values;
    private readonly bool[] _present;
    /// <summary>Rows of common frames, read from their bytes when the run is appended; null without that path.</summary>
    private CommonFrameRows? _common;
    private int _count;

    private RowStage(IStagedColumnFiller[] columns, PacketSlot[] slots, int[] firstSlot)
    {
        _columns = columns;
        _targets = Array.ConvertAll(columns, static column => column.Target);
        _slots = slots;
        _firstSlot = firstSlot;
        var loaded = new List<(PacketSlot, int)>();
        var general = new List<int>();
        for (var c = 0; c < columns.Length; c++)
        {
            if (firstSlot[c + 1] - firstSlot[c] == 1 && !slots[firstSlot[c]].IsComputed)
                loaded.Add((slots[firstSlot[c]], c * Capacity));
            else
                general.Add(c);
        }
        _loaded = loaded.ToArray();
        _general = general.ToArray();
        _values = new long[columns.Length * Capacity];
        _present = new bool[columns.Length * Capacity];
    }

    /// <summary>Rows staged and not yet appended.</summary>
    public int Count => _count;

    public bool IsFull => _count == Capacity;

    /// <summary>The row path for these columns, or null when a column reads a field without a slot.</summary>
    public static RowStage? TryCreate(ColumnFiller[] fillers)
    {
        var columns = new IStagedColumnFiller[fillers.Length];
        var slots = new List<PacketSlot>();
        var firstSlot = new int[fillers.Length + 1];
        for (var c = 0; c < fillers.Length; c++)
        {
            if (fillers[c] is not IStagedColumnFiller staged)
                return null;
            columns[c] = staged;
            firstSlot[c] = slots.Count;
            foreach (var field in fillers[c].Fields)
            {
                if (!PacketSlot.TryCreate(staged.SlotOf(field), field.Layer, out var slot))
                    return null;
                slots.Add(slot);
            }
        }
        firstSlot[^1] = slots.Count;
        return new RowStage(columns, slots.ToArray(), firstSlot);
    }

    /// <summary>Whether rows of common frames can be staged from the frame bytes (<see cref="AddCommon"/>).</summary>
    public bool HasCommonPath => _common is not null;

    /// <summary>
    /// Enables <see cref="AddCommon"/> when every column has a fixed load for the Tcp and Udp kinds, whose fields are
    /// those of <paramref name="samples"/> (the decoded sample frames of Tcp, Udp and TcpWithOptions); frames with TCP
    /// options are staged too when every column has a load for them as well. False leaves the stage as it was.
    /// </summary>
    public bool TryEnableCommonPath(ColumnFiller[] fillers, ReadOnlySpan<DecodedPacket> samples)
    {
        var loads = new CommonFrameLoad[]?[samples.Length];
        for (var kind = 0; kind < samples.Length; kind++)
        {
            loads[kind] = new CommonFrameLoad[fillers.Length];
            for (var c = 0; c < fillers.Length && loads[kind] is { } kindLoads; c++)
            {
                if (!CommonFrameColumns.TryCreate(fillers[c].Fields, _columns[c], (CommonFrameKind)kind, in samples[kind], out kindLoads[c]))
                    loads[kind] = null;
            }
            if (loads[kind] is null && (CommonFrameKind)kind != CommonFrameKind.TcpWithOptions)
                return false;
        }
        _common = new CommonFrameRows(loads);
        return true;
    }

    /// <summary>Whether <see cref="AddCommon"/> takes frames of <paramref name="kind"/>.</summary>
    public bool StagesCommon(CommonFrameKind kind) => _common is not null && _common.Stages(kind);

    /// <summary>
    /// Stages the row of a frame that <see cref="CommonFrameDecoder.Classify"/> found to be of <paramref name="kind"/>
    /// (one it <see cref="StagesCommon"/>), without decoding it; the stage must not be full.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot in every import: fully optimised from the first call (see TraceImporter)
    public void AddCommon(CommonFrameKind kind, ReadOnlySpan<byte> frame, long timestampNanos, int originalLength, int interfaceId)
    {
        var row = _count;
        if ((uint)row >= Capacity)
            throw new InvalidOperationException("the row stage is full: append it first");
        _common!.Add(row, kind, frame, timestampNanos, originalLength, interfaceId);
        _count = row + 1;
    }

    /// <summary>Stages one row read from <paramref name="packet"/>; the stage must not be full.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot in every import: fully optimised from the first call (see TraceImporter)
    public void Add(in DecodedPacket packet)
    {
        ref var start = ref Unsafe.As<DecodedPacket, byte>(ref Unsafe.AsRef(in packet));
        var row = _count;
        if ((uint)row >= Capacity)
            throw new InvalidOperationException("the row stage is full: append it first");
        // The staged arrays hold Capacity rows per column and row < Capacity: the indexes below are in bounds.
        ref var values = ref MemoryMarshal.GetArrayDataReference(_values);
        ref var present = ref MemoryMarshal.GetArrayDataReference(_present);
        var loaded = _loaded;
        for (var i = 0; i < loaded.Length; i++)
        {
            ref readonly var column = ref loaded[i];
            var index = column.Start + row;
            Unsafe.Add(ref present, index) = column.Slot.TryLoad(ref start, out Unsafe.Add(ref values, index));
        }
        foreach (var c in _general)
        {
            long value = 0;
            var has = false;
            for (var s = _firstSlot[c]; !has && s < _firstSlot[c + 1]; s++)
                has = _slots[s].TryRead(ref start, in packet, out value);
            Unsafe.Add(ref values, c * Capacity + row) = value;
            Unsafe.Add(ref present, c * Capacity + row) = has;
        }
        _count = row + 1;
    }

    /// <summary>Appends the staged rows to <paramref name="writer"/>'s columns (in runs that fit its batch) and empties the stage.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot in every import: fully optimised from the first call (see TraceImporter)
    public int AppendTo(TraceTableWriter writer)
    {
        var count = _count;
        var direct = AllCommon;
        // Emptied first: a failed append loses the stage's rows rather than appending them twice.
        _count = 0;
        try
        {
            var done = 0;
            while (done < count)
            {
                var run = Math.Min(count - done, writer.RowsUntilFlush);
                AppendRun(done, run, direct);
                writer.EndRows(run);
                done += run;
            }
        }
        finally
        {
            _common?.Clear();
        }
        return count;
    }

    /// <summary>Appends staged rows [<paramref name="start"/>, +<paramref name="count"/>) to the columns; ending the rows (and <see cref="Clear"/>) is the caller's.</summary>
    public void AppendRun(int start, int count) => AppendRun(start, count, AllCommon);

    /// <summary>
    /// Whether every staged row is a common frame's (the stage's rows are the common rows' frames, in order), so runs are
    /// written from the frames' bytes straight into the builders, with no staging array in between.
    /// </summary>
    private bool AllCommon => _common is { } common && common.Count == _count && _count != 0;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot in every import: fully optimised from the first call (see TraceImporter)
    private void AppendRun(int start, int count, bool direct)
    {
        if (!direct)
            _common?.WriteTo(_values, _present); // moves the common rows into the staging arrays (and then holds none)
        // Each target's builder is the type its storage names (checked when the target was made): reinterpreted, not cast.
        var targets = _targets;
        for (var c = 0; c < targets.Length; c++)
        {
            var target = targets[c];
            if (direct)
            {
                var common = _common!;
                switch (target.Storage)
                {
                    case StagedStorage.Int16:
                        common.WriteColumn(c, start, count, Unsafe.As<PrimitiveColumnBuilder<short>>(target.Builder), timestamps: null);
                        break;
                    case StagedStorage.Int32:
                        common.WriteColumn(c, start, count, Unsafe.As<PrimitiveColumnBuilder<int>>(target.Builder), timestamps: null);
                        break;
                    case StagedStorage.Inet4:
                        common.WriteColumn(c, start, count, Unsafe.As<PrimitiveColumnBuilder<uint>>(target.Builder), timestamps: null);
                        break;
                    default:
                        common.WriteColumn(c, start, count, Unsafe.As<PrimitiveColumnBuilder<long>>(target.Builder), Timestamps(target.Storage));
                        break;
                }
                continue;
            }
            var values = _values.AsSpan(c * Capacity + start, count);
            var present = _present.AsSpan(c * Capacity + start, count);
            switch (target.Storage)
            {
                case StagedStorage.Int16:
                    Unsafe.As<PrimitiveColumnBuilder<short>>(target.Builder).AppendRange(values, present);
                    break;
                case StagedStorage.Int32:
                    Unsafe.As<PrimitiveColumnBuilder<int>>(target.Builder).AppendRange(values, present);
                    break;
                case StagedStorage.Inet4:
                    Unsafe.As<PrimitiveColumnBuilder<uint>>(target.Builder).AppendRange(values, present);
                    break;
                case StagedStorage.Int64:
                    Unsafe.As<PrimitiveColumnBuilder<long>>(target.Builder).AppendRange(values, present);
                    break;
                default:
                    TimestampFiller.AppendValues(Unsafe.As<TimestampColumnBuilder>(target.Builder), Timestamps(target.Storage) == true, values, present);
                    break;
            }
        }
    }

    /// <summary>For a timestamp column, whether it stores nanoseconds; null for other columns.</summary>
    private static bool? Timestamps(StagedStorage storage) => storage switch
    {
        StagedStorage.TimestampNanoseconds => true,
        StagedStorage.TimestampMicroseconds => false,
        _ => null,
    };

    /// <summary>Drops the staged rows (an append failed).</summary>
    public void Clear()
    {
        _count = 0;
        _common?.Clear();
    }
}
