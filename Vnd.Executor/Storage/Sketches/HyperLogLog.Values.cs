using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Vnd.Executor.Storage.Sketches;

/// <summary>Adding a column's integer values in bulk: hashed eight at a time, and most register updates skipped.</summary>
public sealed partial class HyperLogLog
{
    /// <summary>
    /// Values hashed between two computations of the register floors (see <see cref="AddFiltered{T}"/>): the floors
    /// cost 64 loads and minima, a few percent of a block this long, and still rise early in a segment, when they rise
    /// fastest.
    /// </summary>
    private const int FilteredBlock = 2048;

    /// <summary>Shorter runs are not worth the register floors and the stack buffer: every value updates its register.</summary>
    private const int FilteredMinimum = 256;

    /// <summary>
    /// <see cref="Add"/> of <see cref="SketchHash.Of(ulong)"/> of every value (as <see cref="SketchHash.Bits{T}"/>
    /// widens it), hash and register update in one pass: with AVX-512 eight values are widened and hashed, and their
    /// registers and ranks computed, in vector registers. Runs of at least <see cref="FilteredMinimum"/> values then skip
    /// the register updates that cannot raise a register (<see cref="AddFiltered{T}"/>); shorter ones, and the last
    /// few values, leave one load, maximum and store per value. Hashing into a scratch buffer and adding the hashes in
    /// a second pass cost a store and a load per value more, and a call per chunk.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot in every import: fully optimised from the first call (see TraceImporter)
    internal void AddValues<T>(ReadOnlySpan<T> values)
        where T : unmanaged, IBinaryInteger<T>
    {
        var i = 0;
        if (Avx512DQ.IsSupported && Avx512CD.IsSupported && SketchHash.Widens8<T>())
        {
            ref var registers = ref MemoryMarshal.GetArrayDataReference(_registers);
            ref var source = ref MemoryMarshal.GetReference(values);
            if (Avx512Vbmi.VL.IsSupported && values.Length >= FilteredMinimum)
                i = AddFiltered(ref source, values.Length);
            // Eight (register << 8 | rank) words, read back one by one: lanes may share a register, so the updates
            // are scalar and in order.
            Vector256<uint> updates = default;
            ref var update = ref Unsafe.As<Vector256<uint>, uint>(ref updates);
            for (; i <= values.Length - Vector512<ulong>.Count; i += Vector512<ulong>.Count)
            {
                updates = Updates(SketchHash.Of(SketchHash.Bits8(ref source, (nuint)i)));
                Raise(ref registers, update);
                Raise(ref registers, Unsafe.Add(ref update, 1));
                Raise(ref registers, Unsafe.Add(ref update, 2));
                Raise(ref registers, Unsafe.Add(ref update, 3));
                Raise(ref registers, Unsafe.Add(ref update, 4));
                Raise(ref registers, Unsafe.Add(ref update, 5));
                Raise(ref registers, Unsafe.Add(ref update, 6));
                Raise(ref registers, Unsafe.Add(ref update, 7));
            }
            if (i == values.Length)
                return;
        }
        AddValuesInChunks(values[i..]);
    }

    /// <summary>
    /// Adds the values from <paramref name="source"/> in whole eight-value steps, of <paramref name="length"/> values;
    /// returns how many it added (the rest is under eight). AVX-512 with VBMI, types that <see cref="SketchHash.Widens8{T}"/>.
    /// </summary>
    /// <remarks>
    /// Once a sketch has seen a few values per register, almost no value raises its register (a rank above r comes with
    /// probability 2^-r), so the scalar load, maximum and store per value were nearly all no-ops, and most of the cost
    /// of adding a batch (docs/benchmarks.md, sketch). Before each block of values, the least register of each of 64
    /// groups (register index modulo 64; a vertical minimum over the registers as 64 rows of 64) goes into a vector;
    /// each value's rank is compared with its group's floor by a byte permute, and only the updates whose rank is above
    /// it are packed into a buffer, then applied in order after the block. A rank at or below the floor is at or below
    /// its register, which only ever rises: dropping that update leaves the registers exactly as applying it would.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    [SkipLocalsInit] // the buffer is written before it is read: no need to zero it per call
    private int AddFiltered<T>(ref T source, int length)
        where T : unmanaged
    {
        ref var registers = ref MemoryMarshal.GetArrayDataReference(_registers);
        // A packed store writes a whole vector at the end of the updates so far.
        Span<uint> raises = stackalloc uint[FilteredBlock + Vector256<uint>.Count];
        ref var raise = ref MemoryMarshal.GetReference(raises);
        var rankMask = Vector256.Create(0xFFu);
        var i = 0;
        while (length - i >= Vector512<ulong>.Count)
        {
            var end = i + Math.Min(FilteredBlock, (length - i) & -Vector512<ulong>.Count);
            var floors = GroupFloors(ref registers);
            var (low, high) = (floors.GetLower(), floors.GetUpper());
            var count = 0;
            for (; i < end; i += Vector512<ulong>.Count)
            {
                var updates = Updates(SketchHash.Of(SketchHash.Bits8(ref source, (nuint)i)));
                // The low byte of each register index picks its group's floor (the permute reads its low six bits).
                var floor = Avx512Vbmi.VL.PermuteVar32x8x2(low, (updates >>> 8).AsByte(), high).AsUInt32() & rankMask;
                var raising = Vector256.GreaterThan(updates & rankMask, floor);
                Avx512F.VL.Compress(Vector256<uint>.Zero, raising, updates).StoreUnsafe(ref raise, (nuint)count);
                count += BitOperations.PopCount(raising.ExtractMostSignificantBits());
            }
            for (var k = 0; k < count; k++)
                RaiseWithoutBranch(ref registers, Unsafe.Add(ref raise, k));
        }
        return i;
    }

    /// <summary>The least register of each group of registers with the same index modulo 64, in byte <c>index % 64</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<byte> GroupFloors(ref byte registers)
    {
        var floors = Vector512.LoadUnsafe(ref registers);
        for (nuint row = (nuint)Vector512<byte>.Count; row < RegisterCount; row += (nuint)Vector512<byte>.Count)
            floors = Vector512.Min(floors, Vector512.LoadUnsafe(ref registers, row));
        return floors;
    }

    /// <summary>The (register &lt;&lt; 8 | rank) words of eight hashes; AVX-512F and CD only.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<uint> Updates(Vector512<ulong> hash)
    {
        var rank = Avx512CD.LeadingZeroCount((hash << Precision) | Vector512.Create(1UL << (Precision - 1))) + Vector512<ulong>.One;
        return Avx512F.ConvertToVector256UInt32(((hash >>> (64 - Precision)) << 8) | rank);
    }

    /// <summary>Register <c>update &gt;&gt; 8</c> (below <see cref="RegisterCount"/>) raised to rank <c>(byte)update</c>.</summary>
    /// <remarks>
    /// The JIT compiles the maximum to a compare and a branch: right for updates that nearly never raise their register
    /// (predicted, and no store, so no dependency through memory between updates of one register).
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Raise(ref byte registers, uint update)
    {
        ref var register = ref Unsafe.Add(ref registers, (nint)(update >> 8));
        register = Math.Max(register, (byte)update);
    }

    /// <summary><see cref="Raise"/> without a branch, for the updates <see cref="AddFiltered{T}"/> keeps.</summary>
    /// <remarks>
    /// About a quarter of the kept updates raise their register, so <see cref="Raise"/>'s branch mispredicts on them; the
    /// arithmetic maximum took a micro loop from 0.69-0.79 to 0.58-0.61 ns per value. For unfiltered updates it is the
    /// slower one (1.5 -> 1.6-2.0 ns): every update stores.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void RaiseWithoutBranch(ref byte registers, uint update)
    {
        ref var register = ref Unsafe.Add(ref registers, (nint)(update >> 8));
        int current = register, rank = (byte)update;
        // (current - rank) >> 31 is all ones exactly when rank is larger: then current + (rank - current).
        register = (byte)(current + ((rank - current) & ((current - rank) >> 31)));
    }

    /// <summary><see cref="AddValues{T}"/> without AVX-512, and its last few values: widened and hashed (<see cref="SketchHash.OfAll"/>) a chunk at a time, then added.</summary>
    private void AddValuesInChunks<T>(ReadOnlySpan<T> values)
        where T : unmanaged, IBinaryInteger<T>
    {
        Span<ulong> hashes = stackalloc ulong[64];
        for (var start = 0; start < values.Length; start += hashes.Length)
        {
            var chunk = values.Slice(start, Math.Min(hashes.Length, values.Length - start));
            for (var j = 0; j < chunk.Length; j++)
                hashes[j] = SketchHash.Bits(chunk[j]);
            var chunkHashes = hashes[..chunk.Length];
            SketchHash.OfAll(chunkHashes, chunkHashes);
            AddAll(chunkHashes);
        }
    }
}
