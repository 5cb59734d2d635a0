using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Vnd.Executor.Storage.Sketches;

/// <summary>
/// Adds one batch of a column's integer values to a distinct-count sketch. Most trace columns repeat a few values
/// (addresses, ports, protocol, flags, lengths): for them a small direct-mapped memory of values already added in this
/// batch skips the hash and the register update of nearly every value, since adding a value again leaves the sketch as
/// it was. Columns of mostly new values (timestamps, sequence numbers, packet ids) would only pay for the memory (a
/// miss costs a hash and a register update anyway), so once a batch has missed <see cref="MissLimit"/> times the rest
/// of it is hashed and added in bulk (<see cref="HyperLogLog.AddValues{T}"/>) instead. Either way the registers end
/// exactly as adding every value one by one leaves them (a test compares them).
/// </summary>
internal ref struct SketchValueAdder
{
    /// <summary>Entries of the memory (a value sits at its low bits).</summary>
    public const int RecentSize = 1024;

    /// <summary>
    /// Values looked at per step: a step of one repeated value (the protocol, the flags of a bulk transfer, a full
    /// segment's length) adds that value once.
    /// </summary>
    public const int ChunkLength = 64;

    /// <summary>
    /// New values a batch may bring before it leaves the memory: a column of a few hundred distinct values (hosts,
    /// ports) stays under it for a whole 64Ki-row batch, one of mostly new values reaches it in its first rows.
    /// </summary>
    private const int MissLimit = 1024;

    private readonly HyperLogLog _sketch;
    private readonly Span<ulong> _recent;
    private readonly Span<ulong> _missed;
    private int _misses;
    private bool _vectorised;

    /// <param name="recent">Scratch for the memory: <see cref="RecentSize"/> words.</param>
    /// <param name="missed">
    /// Scratch for values the memory missed, added when it fills: at least <see cref="ChunkLength"/> words; the longer,
    /// the fewer (and longer) bulk adds.
    /// </param>
    public SketchValueAdder(HyperLogLog sketch, Span<ulong> recent, Span<ulong> missed)
    {
        if (recent.Length != RecentSize)
            throw new ArgumentException($"the memory needs {RecentSize} words", nameof(recent));
        if (missed.Length < ChunkLength)
            throw new ArgumentException($"the missed values need at least {ChunkLength} words", nameof(missed));
        _sketch = sketch;
        _recent = recent;
        _missed = missed;
        // An empty entry must match no value that maps to it: entry s holds s + 1, whose low bits are not s.
        for (var s = 0; s < recent.Length; s++)
            recent[s] = (ulong)s + 1;
    }

    /// <summary>Adds every value of <paramref name="values"/> (as <see cref="SketchHash.Bits{T}"/> widens it).</summary>
    /// <remarks>
    /// One call per batch: the steps are a loop here, the memory's misses gather in the scratch and are hashed and added
    /// when it is nearly full, and after the switch the runs of steps between repeated-value steps go to the sketch in
    /// one call each. A call per 64-value chunk, and a hash pass and a register pass over each chunk, were ~9 % of the
    /// importing thread (docs/benchmarks.md, ingest10).
    /// </remarks>
    // Per batch of every sketched column: fully optimised from the first call (ingest8: tier-0 then instrumented before).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add<T>(scoped ReadOnlySpan<T> values)
        where T : unmanaged, IBinaryInteger<T>
    {
        var missed = 0;
        // Once vectorised: where the steps not yet added start (-1: none).
        var pending = -1;
        for (var start = 0; start < values.Length; start += ChunkLength)
        {
            var chunk = values.Slice(start, Math.Min(ChunkLength, values.Length - start));
            var repeated = IsOneValue(chunk);
            if (_vectorised)
            {
                if (!repeated)
                {
                    if (pending < 0)
                        pending = start;
                    continue;
                }
                if (pending >= 0)
                    _sketch.AddValues(values[pending..start]);
                pending = -1;
                _sketch.Add(SketchHash.Of(SketchHash.Bits(chunk[0])));
                continue;
            }
            var before = missed;
            missed = Remember(repeated ? chunk[..1] : chunk, missed);
            _misses += missed - before;
            if (_misses > MissLimit || missed > _missed.Length - ChunkLength)
            {
                _sketch.AddValues<ulong>(_missed[..missed]);
                missed = 0;
                _vectorised = _misses > MissLimit;
            }
        }
        if (missed > 0)
            _sketch.AddValues<ulong>(_missed[..missed]);
        if (pending >= 0)
            _sketch.AddValues(values[pending..]);
    }

    /// <summary>Whether every value of <paramref name="chunk"/> (not empty) is its first: the second is tested inline, which settles most chunks.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsOneValue<T>(ReadOnlySpan<T> chunk)
        where T : unmanaged, IBinaryInteger<T> =>
        chunk.Length == 1 || (chunk[1] == chunk[0] && chunk[2..].IndexOfAnyExcept(chunk[0]) < 0);

    /// <summary>
    /// Puts every value of <paramref name="values"/> (at most <see cref="ChunkLength"/>) in the memory and appends those
    /// it did not hold to the missed values, which number <paramref name="missed"/> (at most the scratch's length less
    /// <see cref="ChunkLength"/>); returns their new number.
    /// </summary>
    /// <remarks>
    /// With AVX-512, eight values at a time are first looked up together (one gather of their entries): when the memory
    /// holds all eight, which is nearly always for the columns that stay here (a few hundred hosts or ports), there is
    /// nothing to write, the entries already hold them. Only a step with a miss goes through <see cref="RememberEach{T}"/>,
    /// so the memory and the missed values end as one value at a time leaves them. The scalar pass over every value was
    /// ~3 % of the importing thread for the two address columns alone (docs/benchmarks.md, sketch).
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private readonly unsafe int Remember<T>(ReadOnlySpan<T> values, int missed)
        where T : unmanaged, IBinaryInteger<T>
    {
        var i = 0;
        if (Avx512F.VL.IsSupported && SketchHash.Widens8<T>())
        {
            ref var source = ref MemoryMarshal.GetReference(values);
            fixed (ulong* recent = _recent)
            {
                for (; i <= values.Length - Vector256<uint>.Count; i += Vector256<uint>.Count)
                {
                    if (!HoldsAll(recent, ref source, (nuint)i))
                        missed = RememberEach(values.Slice(i, Vector256<uint>.Count), missed);
                }
            }
        }
        return i == values.Length ? missed : RememberEach(values[i..], missed);
    }

    /// <summary>Whether the memory holds all eight values from <paramref name="source"/> + <paramref name="index"/>; AVX-512F, types that <see cref="SketchHash.Widens8{T}"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe bool HoldsAll<T>(ulong* recent, ref T source, nuint index)
        where T : unmanaged
    {
        var mask = (ulong)(RecentSize - 1);
        if (typeof(T) == typeof(long) || typeof(T) == typeof(ulong))
        {
            var bits = SketchHash.Bits8(ref source, index);
            var slots = (bits & Vector512.Create(mask)).AsInt64();
            var held = Vector512.Create(Avx2.GatherVector256(recent, slots.GetLower(), sizeof(ulong)), Avx2.GatherVector256(recent, slots.GetUpper(), sizeof(ulong)));
            return held == bits;
        }
        // Narrower types: a value's low 32 bits decide its widened 64 (sign or zero extension), and an empty entry's
        // low bits are not its slot, so comparing the entries' low halves (one gather of eight) is exact.
        var low = Avx512F.ConvertToVector256UInt32(SketchHash.Bits8(ref source, index));
        var lowHeld = Avx2.GatherVector256((uint*)recent, (low & Vector256.Create((uint)mask)).AsInt32(), sizeof(ulong));
        return lowHeld == low;
    }

    /// <summary><see cref="Remember{T}"/> one value at a time.</summary>
    /// <remarks>
    /// Branch-free: every value is written to its entry (a repeat writes what is there) and to the end of the missed
    /// values, whose number grows only on a miss. A branch per value mispredicted on columns that mix repeats and new
    /// values (ports, lengths).
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private readonly int RememberEach<T>(ReadOnlySpan<T> values, int missed)
        where T : unmanaged, IBinaryInteger<T>
    {
        ref var recent = ref MemoryMarshal.GetReference(_recent);
        // missed + values.Length stays within the scratch (the caller adds the missed values before it could not).
        ref var list = ref MemoryMarshal.GetReference(_missed[..(missed + values.Length)]);
        foreach (var v in values)
        {
            var value = SketchHash.Bits(v);
            // The low bits index RecentSize entries: always in bounds.
            ref var entry = ref Unsafe.Add(ref recent, (nint)(value & (RecentSize - 1)));
            var miss = entry != value;
            entry = value;
            Unsafe.Add(ref list, missed) = value;
            missed += Unsafe.BitCast<bool, byte>(miss);
        }
        return missed;
    }
}
