using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Vnd.Capture.Decoding;
using Vnd.Executor.Storage.Builders;

namespace Vnd.Capture.Import.Columns;

/// <summary>
/// The rows of common frames (<see cref="CommonFrameKind.Tcp"/>, <see cref="CommonFrameKind.Udp"/> and, when every
/// column has a load for it, <see cref="CommonFrameKind.TcpWithOptions"/>) staged by a
/// <see cref="RowStage"/>: per row, only the frame's first bytes (two vector copies) and the record's fields are kept;
/// the columns are read from them a column at a time when the run is appended, so each column's
/// <see cref="CommonFrameLoad"/> stays in registers for the whole run instead of being fetched again for every row.
/// </summary>
internal sealed class CommonFrameRows
{
    private const int Capacity = PacketBatch.Capacity;
    /// <summary>Bytes kept of each frame: every load ends within the first 50 (the TCP window).</summary>
    private const int HeadLength = 64;

    /// <summary>[kind][column]: how the column reads a frame of that kind (null: frames of that kind are not staged here).</summary>
    private readonly CommonFrameLoad[]?[] _loads;
    private readonly byte[] _heads = new byte[Capacity * HeadLength];
    private readonly StagedFrame[] _frames = new StagedFrame[Capacity];
    /// <summary>Bit k set: frames of kind k are staged here (their loads are not null).</summary>
    private readonly int _stagedKinds;
    private int _count;
    /// <summary>Whether the staged frames are of more than one kind (then each row picks its kind's load).</summary>
    private bool _mixed;

    /// <param name="loads">Per kind (Tcp, Udp, TcpWithOptions), the column loads; Tcp and Udp must have them.</param>
    public CommonFrameRows(CommonFrameLoad[]?[] loads)
    {
        if (loads.Length != 3 || loads[(int)CommonFrameKind.Tcp] is null || loads[(int)CommonFrameKind.Udp] is null)
            throw new ArgumentException("loads for Tcp, Udp and (optionally) TcpWithOptions are needed", nameof(loads));
        _loads = loads;
        for (var kind = 0; kind < loads.Length; kind++)
            _stagedKinds |= loads[kind] is null ? 0 : 1 << kind;
    }

    /// <summary>Frames staged and not yet written.</summary>
    public int Count => _count;

    /// <summary>Whether frames of <paramref name="kind"/> can be staged here.</summary>
    public bool Stages(CommonFrameKind kind) => (uint)kind < (uint)_loads.Length && _loads[(int)kind] is not null;

    /// <summary>Keeps what row <paramref name="row"/> of the stage needs of a frame of <paramref name="kind"/> (one it <see cref="Stages"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(int row, CommonFrameKind kind, ReadOnlySpan<byte> frame, long timestampNanos, int originalLength, int interfaceId)
    {
        var n = _count;
        // One test of the staged kinds' bits, not a walk to the kind's loads (an array and a null test per frame).
        if ((uint)n >= Capacity || (_stagedKinds & (1 << ((int)kind & 31))) == 0)
            throw new InvalidOperationException("the common frame rows are full, or the kind is not staged here");
        // The loads were built to end within the kind's shortest frame (at least 42 bytes); a shorter one is a defect.
        if (frame.Length < CommonFrameColumns.MinLength(kind))
            throw new ArgumentException("the frame is shorter than its kind", nameof(frame));
        ref var b = ref MemoryMarshal.GetReference(frame);
        // Both arrays hold Capacity frames and n < Capacity: unchecked stores (a bounds check each, per frame, before).
        ref var head = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_heads), n * HeadLength);
        // [0, 32) and [length - 32, length): all of the first `length` bytes, as length is between 42 and 64.
        var tail = (nuint)(Math.Min(frame.Length, HeadLength) - Vector256<byte>.Count);
        Vector256.LoadUnsafe(ref b).StoreUnsafe(ref head);
        Vector256.LoadUnsafe(ref b, tail).StoreUnsafe(ref head, tail);
        ref var frames = ref MemoryMarshal.GetArrayDataReference(_frames);
        Unsafe.Add(ref frames, (nint)n) = new StagedFrame(timestampNanos, row, originalLength, frame.Length, interfaceId, kind);
        _mixed |= kind != frames.Kind; // frames: the first staged frame (just stored when n is 0)
        _count = n + 1;
    }

    /// <summary>
    /// Writes every staged frame's columns into the stage's arrays (<paramref name="values"/> and
    /// <paramref name="present"/>, <see cref="PacketBatch.Capacity"/> rows per column) and forgets the frames.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot in every import: fully optimised from the first call (see TraceImporter)
    public void WriteTo(long[] values, bool[] present)
    {
        var n = _count;
        if (n == 0)
            return;
        var columns = _loads[0]!.Length;
        if (values.Length < columns * Capacity || present.Length < columns * Capacity)
            throw new ArgumentException("the stage's arrays hold fewer columns than the loads");
        _count = 0;
        for (var c = 0; c < columns; c++)
        {
            var columnValues = values.AsSpan(c * Capacity, Capacity);
            var columnPresent = present.AsSpan(c * Capacity, Capacity);
            if (_mixed)
                WriteEach(c, n, columnValues, columnPresent);
            else if (_loads[(int)_frames[0].Kind]![c] is { Value: CommonFrameValue.Loaded } load)
                WriteLoaded(load, n, columnValues, columnPresent);
            else if (_loads[(int)_frames[0].Kind]![c].Value is CommonFrameValue.Timestamp)
                WriteTimestamps(n, columnValues, columnPresent);
            else if (_loads[(int)_frames[0].Kind]![c].Value is CommonFrameValue.TcpPacketId)
                WriteTcpPacketIds(n, columnValues, columnPresent);
            else
                WriteEach(c, n, columnValues, columnPresent);
        }
        _mixed = false;
    }

    public void Clear()
    {
        _count = 0;
        _mixed = false;
    }

    /// <summary>One column of frames of one kind read by <paramref name="load"/>: the tight loop the run is for.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot in every import: fully optimised from the first call (see TraceImporter)
    private void WriteLoaded(CommonFrameLoad load, int n, Span<long> values, Span<bool> present)
    {
        ref var heads = ref MemoryMarshal.GetArrayDataReference(_heads);
        // Rows are stage rows, below Capacity (RowStage.AddCommon), and both spans hold Capacity: unchecked stores.
        ref var value = ref MemoryMarshal.GetReference(values[..Capacity]);
        ref var has = ref MemoryMarshal.GetReference(present[..Capacity]);
        var frames = _frames.AsSpan(0, n);
        var isPresent = load.Present;
        if (IsDense(frames))
        {
            // Every stage row is a staged frame (no decoded rows in between): row j is frame j, and the presence is
            // one fill instead of a store per row.
            present[..n].Fill(isPresent);
            for (var j = 0; j < n; j++)
                Unsafe.Add(ref value, j) = load.Load(ref Unsafe.Add(ref heads, j * HeadLength));
            return;
        }
        for (var j = 0; j < frames.Length; j++)
        {
            var row = frames[j].Row;
            Unsafe.Add(ref value, row) = load.Load(ref Unsafe.Add(ref heads, j * HeadLength));
            Unsafe.Add(ref has, row) = isPresent;
        }
    }

    /// <summary>
    /// Whether the staged frames are stage rows 0 to n-1: rows are staged in increasing order, each once, from 0, so
    /// the last being n-1 means there is none in between.
    /// </summary>
    private static bool IsDense(ReadOnlySpan<StagedFrame> frames) => frames.Length != 0 && frames[^1].Row == frames.Length - 1;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot in every import: fully optimised from the first call (see TraceImporter)
    private void WriteTimestamps(int n, Span<long> values, Span<bool> present)
    {
        var frames = _frames.AsSpan(0, n);
        for (var j = 0; j < frames.Length; j++)
        {
            values[frames[j].Row] = frames[j].TimestampNanos;
            present[frames[j].Row] = true;
        }
    }

    /// <summary>vnd.packet_id of TCP frames: ip.id + (tcp.seq &lt;&lt; 16), as <see cref="Fields.DerivedFields"/> computes it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot in every import: fully optimised from the first call (see TraceImporter)
    private void WriteTcpPacketIds(int n, Span<long> values, Span<bool> present)
    {
        var ipId = CommonFrameLoad.Bits(20, 2);
        var seq = CommonFrameLoad.Bits(42, 4);
        ref var heads = ref MemoryMarshal.GetArrayDataReference(_heads);
        var frames = _frames.AsSpan(0, n);
        for (var j = 0; j < frames.Length; j++)
        {
            ref var head = ref Unsafe.Add(ref heads, j * HeadLength);
            values[frames[j].Row] = ipId.Load(ref head) + (seq.Load(ref head) << 16);
            present[frames[j].Row] = true;
        }
    }

    /// <summary>
    /// Appends column <paramref name="column"/> of staged frames [<paramref name="from"/>, +<paramref name="count"/>)
    /// straight into <paramref name="builder"/>'s values (as <c>T.CreateTruncating</c> converts them), for a stage whose
    /// every row is a staged frame; the frames stay staged (<see cref="Clear"/> forgets them). With
    /// <paramref name="timestamps"/> (whether the column stores nanoseconds), values are converted as timestamps.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot in every import: fully optimised from the first call (see TraceImporter)
    public void WriteColumn<T>(int column, int from, int count, PrimitiveColumnBuilder<T> builder, bool? timestamps)
        where T : unmanaged, INumber<T>
    {
        if ((uint)from > (uint)_count || (uint)count > (uint)(_count - from))
            throw new ArgumentOutOfRangeException(nameof(count), "only staged frames can be written");
        var first = builder.Count;
        var slots = builder.AppendSlots(count);
        ref var value = ref MemoryMarshal.GetReference(slots);
        ref var heads = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_heads), from * HeadLength);
        var load = _loads[(int)_frames[0].Kind]![column];
        if (!_mixed && load is { Value: CommonFrameValue.Loaded, Present: true } && timestamps is null)
        {
            WriteLoadedSlots(load, ref heads, slots);
            return;
        }
        if (!_mixed && load.Value == CommonFrameValue.TcpPacketId && timestamps is null)
        {
            WritePacketIdSlots(ref heads, slots);
            return;
        }
        if (!_mixed && load.Value == CommonFrameValue.Timestamp && timestamps is { } inNanoseconds)
        {
            WriteTimestampSlots(_frames.AsSpan(from, count), inNanoseconds, builder, first, slots);
            return;
        }
        // Each row with its own kind's load, presence and conversion: record fields, mixed kinds, absent fields.
        for (var j = 0; j < slots.Length; j++)
        {
            var v = Value(_loads[(int)_frames[from + j].Kind]![column], from + j, out var has);
            if (has && timestamps is { } nanoseconds)
                has = StagedColumn.TryConvertTimestamp(v, nanoseconds, out v);
            Unsafe.Add(ref value, j) = T.CreateTruncating(v);
            if (!has)
                builder.SetNull(first + j);
        }
    }

    /// <summary>
    /// The tight loop a run is for: per row one load, shift, mask and add, the load's fields hoisted into locals (the
    /// struct has more fields than the JIT keeps in registers) and four rows per step at constant displacements from
    /// one byte offset, so a row costs its five operations and a quarter of the loop's (before: an index multiplied and
    /// sign-extended per row, ~13 instructions).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void WriteLoadedSlots<T>(CommonFrameLoad load, ref byte heads, Span<T> slots)
        where T : unmanaged, INumber<T>
    {
        ref var value = ref MemoryMarshal.GetReference(slots);
        // The 8 bytes ending at the field's end, in the first row's head; rows are HeadLength apart.
        ref var first = ref Unsafe.Add(ref heads, load.End - 8);
        var shift = load.Shift & 63; // as the shift operator masks it, once
        var mask = load.Mask;
        var add = load.Add;
        // Native-sized counters: an int index is sign-extended again for every store.
        nint offset = 0;
        nint j = 0;
        nint length = slots.Length;
        for (; j <= length - 4; j += 4, offset += 4 * HeadLength)
        {
            Unsafe.Add(ref value, j) = T.CreateTruncating(CommonFrameLoad.Field(ref Unsafe.Add(ref first, offset), shift, mask, add));
            Unsafe.Add(ref value, j + 1) = T.CreateTruncating(CommonFrameLoad.Field(ref Unsafe.Add(ref first, offset + HeadLength), shift, mask, add));
            Unsafe.Add(ref value, j + 2) = T.CreateTruncating(CommonFrameLoad.Field(ref Unsafe.Add(ref first, offset + 2 * HeadLength), shift, mask, add));
            Unsafe.Add(ref value, j + 3) = T.CreateTruncating(CommonFrameLoad.Field(ref Unsafe.Add(ref first, offset + 3 * HeadLength), shift, mask, add));
        }
        for (; j < length; j++, offset += HeadLength)
            Unsafe.Add(ref value, j) = T.CreateTruncating(CommonFrameLoad.Field(ref Unsafe.Add(ref first, offset), shift, mask, add));
    }

    /// <summary>
    /// vnd.packet_id of TCP frames, ip.id + (tcp.seq &lt;&lt; 16) as <see cref="Fields.DerivedFields"/> computes it, read
    /// from the heads at a native-sized offset (per row: two loads, a shift, an add and a store; with an int index
    /// and the loads' structs, ~17 instructions and two reloads from the stack).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void WritePacketIdSlots<T>(ref byte heads, Span<T> slots)
        where T : unmanaged, INumber<T>
    {
        ref var value = ref MemoryMarshal.GetReference(slots);
        nint offset = 0;
        for (nint j = 0; j < slots.Length; j++, offset += HeadLength)
        {
            ref var head = ref Unsafe.Add(ref heads, offset);
            long ipId = BinaryPrimitives.ReverseEndianness(Unsafe.ReadUnaligned<ushort>(ref Unsafe.Add(ref head, 18)));
            long seq = BinaryPrimitives.ReverseEndianness(Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref head, 38)));
            Unsafe.Add(ref value, j) = T.CreateTruncating(ipId + (seq << 16));
        }
    }

    /// <summary>
    /// A timestamp column of staged frames, converted as <see cref="StagedColumn.TryConvertTimestamp"/> does (NULL
    /// for frames without a timestamp), at native-sized indexes from the frames' first element (with an int index, a
    /// bounds check and sign extension per row).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void WriteTimestampSlots<T>(ReadOnlySpan<StagedFrame> frames, bool inNanoseconds, PrimitiveColumnBuilder<T> builder, int first, Span<T> slots)
        where T : unmanaged, INumber<T>
    {
        ref var value = ref MemoryMarshal.GetReference(slots);
        ref var frame = ref MemoryMarshal.GetReference(frames);
        nint length = Math.Min(frames.Length, slots.Length);
        for (nint j = 0; j < length; j++)
        {
            var nanos = Unsafe.Add(ref frame, j).TimestampNanos;
            if (nanos == TraceImporter.NoTimestamp)
            {
                builder.SetNull(first + (int)j);
                Unsafe.Add(ref value, j) = default;
                continue;
            }
            // Microseconds rounded down, as TryConvertTimestamp does (before 1970 too).
            Unsafe.Add(ref value, j) = T.CreateTruncating(inNanoseconds ? nanos : (nanos >= 0 ? nanos : nanos - 999) / 1000);
        }
    }

    /// <summary>One column, each row with its own kind's load (frames of both kinds, or a computed value).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot in every import: fully optimised from the first call (see TraceImporter)
    private void WriteEach(int column, int n, Span<long> values, Span<bool> present)
    {
        for (var j = 0; j < n; j++)
        {
            var row = _frames[j].Row;
            values[row] = Value(_loads[(int)_frames[j].Kind]![column], j, out var has);
            present[row] = has;
        }
    }

    /// <summary>The value <paramref name="load"/> gives staged frame <paramref name="j"/>, and whether it is present.</summary>
    private long Value(in CommonFrameLoad load, int j, out bool has)
    {
        var head = _heads.AsSpan(j * HeadLength, HeadLength);
        ref readonly var frame = ref _frames[j];
        has = load.Present;
        return load.Value switch
        {
            CommonFrameValue.Loaded => load.Load(ref MemoryMarshal.GetReference(head)),
            CommonFrameValue.Timestamp => frame.TimestampNanos,
            CommonFrameValue.FrameLength => Math.Max(frame.OriginalLength, frame.CapturedLength),
            CommonFrameValue.CapturedLength => frame.CapturedLength,
            CommonFrameValue.InterfaceId => (has = frame.InterfaceId >= 0) ? frame.InterfaceId : 0,
            CommonFrameValue.TcpHeaderLength => TcpHeaderLength(head),
            // Classify kept only frames whose IP length holds both headers: never negative.
            CommonFrameValue.TcpPayloadLength => BinaryPrimitives.ReadUInt16BigEndian(head[16..]) - 20 - TcpHeaderLength(head),
            _ => BinaryPrimitives.ReadUInt16BigEndian(head[18..]) + ((long)BinaryPrimitives.ReadUInt32BigEndian(head[38..]) << 16),
        };
    }

    private static int TcpHeaderLength(ReadOnlySpan<byte> head) => (head[46] >> 4) * 4;
}
