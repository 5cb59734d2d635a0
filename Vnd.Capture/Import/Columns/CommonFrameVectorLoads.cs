using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Vnd.Capture.Decoding;

namespace Vnd.Capture.Import.Columns;

/// <summary>
/// The loaded columns of a run of staged common frames (<see cref="CommonFrameRows"/>) computed eight columns by eight
/// rows at a time with AVX-512: per row, one byte permutation (VBMI) of the 64-byte head picks every column's eight
/// bytes in reversed order (the big-endian word), one variable shift, mask and add finish eight columns; eight such
/// rows are transposed (24 two-source permutes) so that each column's eight values are one store. About one
/// instruction per value where reading one column at a time takes five (a load, swap, shift, mask and add per row).
/// </summary>
internal sealed class CommonFrameVectorLoads
{
    private const int Capacity = PacketBatch.Capacity;
    private const int Lanes = 8;

    /// <summary>Per kind (null: none of its columns is computed here), the groups of up to eight loaded columns.</summary>
    private readonly Group[]?[] _groups;
    /// <summary>Per kind, whether each column is one of its groups' (its values are computed here).</summary>
    private readonly bool[]?[] _covered;

    private CommonFrameVectorLoads(Group[]?[] groups, bool[]?[] covered)
    {
        _groups = groups;
        _covered = covered;
    }

    /// <summary>
    /// The computation for these loads (per kind, per column), or null where the machine lacks AVX-512 VBMI; a column
    /// is computed here when its load reads the frame's bytes and is present (the others are written as before).
    /// </summary>
    public static CommonFrameVectorLoads? TryCreate(CommonFrameLoad[]?[] loads, int headLength)
    {
        if (!Avx512Vbmi.IsSupported || headLength != Vector512<byte>.Count)
            return null;
        var groups = new Group[]?[loads.Length];
        var covered = new bool[]?[loads.Length];
        for (var kind = 0; kind < loads.Length; kind++)
        {
            if (loads[kind] is not { } kindLoads)
                continue;
            var columns = new List<int>();
            for (var c = 0; c < kindLoads.Length; c++)
            {
                if (kindLoads[c] is { Value: CommonFrameValue.Loaded, Present: true, End: >= 8 and <= 64 })
                    columns.Add(c);
            }
            if (columns.Count == 0)
                continue;
            covered[kind] = new bool[kindLoads.Length];
            var kindGroups = new Group[(columns.Count + Lanes - 1) / Lanes];
            for (var g = 0; g < kindGroups.Length; g++)
            {
                var lanes = columns.Skip(g * Lanes).Take(Lanes).ToArray();
                foreach (var c in lanes)
                    covered[kind]![c] = true;
                kindGroups[g] = Group.Create(kindLoads, lanes, kindLoads.Length);
            }
            groups[kind] = kindGroups;
        }
        return new CommonFrameVectorLoads(groups, covered);
    }

    /// <summary>Whether <see cref="Compute"/> writes <paramref name="column"/> of frames of <paramref name="kind"/>.</summary>
    public bool Covers(CommonFrameKind kind, int column) =>
        _covered[(int)kind] is { } covered && (uint)column < (uint)covered.Length && covered[column];

    /// <summary>
    /// Writes the covered columns of the <paramref name="count"/> frames of <paramref name="kind"/> whose heads start
    /// at <paramref name="heads"/> (64 bytes each) into <paramref name="values"/>: column c's value of frame j at
    /// c * Capacity + j (the array holds one more column, where unused lanes go). Returns the frames written: a
    /// multiple of eight, the rest is the caller's.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot in every import: fully optimised from the first call (see TraceImporter)
    public int Compute(CommonFrameKind kind, ref byte heads, int count, long[] values)
    {
        if (_groups[(int)kind] is not { } groups || count > Capacity || values.Length < (_covered[(int)kind]!.Length + 1) * Capacity)
            return 0;
        var rows = count & ~(Lanes - 1);
        ref var target = ref MemoryMarshal.GetArrayDataReference(values);
        for (var j = 0; j < rows; j += Lanes)
        {
            ref var head = ref Unsafe.Add(ref heads, j * Vector512<byte>.Count);
            var h0 = Vector512.LoadUnsafe(ref head);
            var h1 = Vector512.LoadUnsafe(ref head, 64);
            var h2 = Vector512.LoadUnsafe(ref head, 128);
            var h3 = Vector512.LoadUnsafe(ref head, 192);
            var h4 = Vector512.LoadUnsafe(ref head, 256);
            var h5 = Vector512.LoadUnsafe(ref head, 320);
            var h6 = Vector512.LoadUnsafe(ref head, 384);
            var h7 = Vector512.LoadUnsafe(ref head, 448);
            foreach (ref readonly var group in groups.AsSpan())
            {
                // Stage 1: rows r and r+1 interleaved by lane pairs.
                group.Pair(h0, h1, out var t0, out var t1);
                group.Pair(h2, h3, out var t2, out var t3);
                group.Pair(h4, h5, out var t4, out var t5);
                group.Pair(h6, h7, out var t6, out var t7);
                // Stage 2: four rows of lanes (0, 4), (2, 6), (1, 5), (3, 7).
                Quads(t0, t2, out var u0, out var u1);
                Quads(t1, t3, out var u2, out var u3);
                Quads(t4, t6, out var u4, out var u5);
                Quads(t5, t7, out var u6, out var u7);
                // Stage 3: all eight rows of one lane (column) per vector.
                var low = Vector512.Create(0UL, 1, 2, 3, 8, 9, 10, 11);
                var high = Vector512.Create(4UL, 5, 6, 7, 12, 13, 14, 15);
                Avx512F.PermuteVar8x64x2(u0, low, u4).StoreUnsafe(ref Unsafe.As<long, ulong>(ref Unsafe.Add(ref target, group.Target(0) + j)));
                Avx512F.PermuteVar8x64x2(u2, low, u6).StoreUnsafe(ref Unsafe.As<long, ulong>(ref Unsafe.Add(ref target, group.Target(1) + j)));
                Avx512F.PermuteVar8x64x2(u1, low, u5).StoreUnsafe(ref Unsafe.As<long, ulong>(ref Unsafe.Add(ref target, group.Target(2) + j)));
                Avx512F.PermuteVar8x64x2(u3, low, u7).StoreUnsafe(ref Unsafe.As<long, ulong>(ref Unsafe.Add(ref target, group.Target(3) + j)));
                Avx512F.PermuteVar8x64x2(u0, high, u4).StoreUnsafe(ref Unsafe.As<long, ulong>(ref Unsafe.Add(ref target, group.Target(4) + j)));
                Avx512F.PermuteVar8x64x2(u2, high, u6).StoreUnsafe(ref Unsafe.As<long, ulong>(ref Unsafe.Add(ref target, group.Target(5) + j)));
                Avx512F.PermuteVar8x64x2(u1, high, u5).StoreUnsafe(ref Unsafe.As<long, ulong>(ref Unsafe.Add(ref target, group.Target(6) + j)));
                Avx512F.PermuteVar8x64x2(u3, high, u7).StoreUnsafe(ref Unsafe.As<long, ulong>(ref Unsafe.Add(ref target, group.Target(7) + j)));
            }
        }
        return rows;
    }

    /// <summary>
    /// Stage 2 of the transpose: from two stage-1 vectors (rows r, r+1 and r+2, r+3), the four rows of lanes
    /// (l, l + 4) and of lanes (l + 2, l + 6).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Quads(Vector512<ulong> upper, Vector512<ulong> lower, out Vector512<ulong> first, out Vector512<ulong> second)
    {
        first = Avx512F.PermuteVar8x64x2(upper, Vector512.Create(0UL, 1, 8, 9, 4, 5, 12, 13), lower);
        second = Avx512F.PermuteVar8x64x2(upper, Vector512.Create(2UL, 3, 10, 11, 6, 7, 14, 15), lower);
    }

    /// <summary>Copies <paramref name="values"/> into <paramref name="slots"/>, each truncated as <c>T.CreateTruncating</c> does.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Narrow<T>(ReadOnlySpan<long> values, Span<T> slots)
        where T : unmanaged, INumber<T>
    {
        if (slots.Length < values.Length)
            throw new ArgumentException("fewer slots than values", nameof(slots));
        ref var value = ref MemoryMarshal.GetReference(values);
        ref var slot = ref MemoryMarshal.GetReference(slots);
        var i = 0;
        if (typeof(T) == typeof(long))
        {
            values.CopyTo(MemoryMarshal.Cast<T, long>(slots));
            return;
        }
        if (Avx512F.IsSupported)
        {
            // vpmovqd / vpmovqw: eight values truncated per instruction.
            for (; i <= values.Length - Lanes; i += Lanes)
            {
                var v = Vector512.LoadUnsafe(ref value, (nuint)i);
                if (typeof(T) == typeof(int) || typeof(T) == typeof(uint))
                    Avx512F.ConvertToVector256Int32(v).StoreUnsafe(ref Unsafe.As<T, int>(ref Unsafe.Add(ref slot, i)));
                else if (typeof(T) == typeof(short) || typeof(T) == typeof(ushort))
                    Avx512F.ConvertToVector128Int16(v).StoreUnsafe(ref Unsafe.As<T, short>(ref Unsafe.Add(ref slot, i)));
                else
                    break;
            }
        }
        for (; i < values.Length; i++)
            Unsafe.Add(ref slot, i) = T.CreateTruncating(Unsafe.Add(ref value, i));
    }

    /// <summary>Up to eight columns of one kind: how a head becomes their eight values, and where each goes.</summary>
    private readonly struct Group
    {
        private readonly Vector512<byte> _bytes;
        private readonly Vector512<ulong> _shifts;
        private readonly Vector512<ulong> _masks;
        private readonly Vector512<ulong> _adds;
        /// <summary>Per lane, the offset of its column's values (column * Capacity; unused lanes: the spare column's).</summary>
        private readonly int[] _targets;

        private Group(Vector512<byte> bytes, Vector512<ulong> shifts, Vector512<ulong> masks, Vector512<ulong> adds, int[] targets)
        {
            _bytes = bytes;
            _shifts = shifts;
            _masks = masks;
            _adds = adds;
            _targets = targets;
        }

        public static Group Create(CommonFrameLoad[] loads, int[] columns, int spareColumn)
        {
            var bytes = new byte[Vector512<byte>.Count];
            var shifts = new ulong[Lanes];
            var masks = new ulong[Lanes];
            var adds = new ulong[Lanes];
            var targets = new int[Lanes];
            for (var lane = 0; lane < Lanes; lane++)
            {
                targets[lane] = (lane < columns.Length ? columns[lane] : spareColumn) * Capacity;
                if (lane >= columns.Length)
                    continue;
                var load = loads[columns[lane]];
                // Byte b of the lane's little-endian word is head byte End - 1 - b: the big-endian word ending at End.
                for (var b = 0; b < 8; b++)
                    bytes[lane * 8 + b] = (byte)(load.End - 1 - b);
                shifts[lane] = (ulong)(load.Shift & 63); // as the scalar shift masks it
                masks[lane] = load.Mask;
                adds[lane] = (ulong)load.Add;
            }
            return new Group(Vector512.Create(bytes), Vector512.Create(shifts), Vector512.Create(masks), Vector512.Create(adds), targets);
        }

        /// <summary>The group's eight values (one per lane) of the frame whose head is <paramref name="head"/>.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public Vector512<ulong> Row(Vector512<byte> head) =>
            (Avx512F.ShiftRightLogicalVariable(Avx512Vbmi.PermuteVar64x8(head, _bytes).AsUInt64(), _shifts) & _masks) + _adds;

        /// <summary>Stage 1 of the transpose: the values of two rows, interleaved by lane pairs (even lanes, odd lanes).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Pair(Vector512<byte> head, Vector512<byte> next, out Vector512<ulong> even, out Vector512<ulong> odd)
        {
            var a = Row(head);
            var b = Row(next);
            even = Avx512F.UnpackLow(a, b);
            odd = Avx512F.UnpackHigh(a, b);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public int Target(int lane) => _targets[lane];
    }
}
