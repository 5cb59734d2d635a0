using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;
using Vnd.Executor.Execution;

namespace Vnd.Executor.Operators.Hashing;

/// <summary>
/// An open-addressing hash table from encoded keys (see <see cref="KeyEncoder"/>) to dense entry numbers 0, 1,
/// 2, ... Slots are one flat ulong array holding the upper hash bits next to the entry number, so most probes
/// never touch the key bytes; keys live in one byte arena. Keys of at most 8 bytes (every integer key, an IPv4
/// group key with its NULL flag) are also kept inline
/// beside their slot, so a lookup in a table far larger than the cache costs one memory access, not two. Linear
/// probing, load at most one half. Every growth is reserved in the query's <see cref="MemoryBudget"/> first.
/// The arrays are rented from the shared pool and returned by <see cref="Dispose"/>: a join or aggregate builds
/// hundreds of partition tables per query, and fresh arrays cost page faults, zeroing and gen0 → gen2 copies (a 1M-row
/// join spent about a third of its time on them).
/// </summary>
public sealed partial class KeyTable : IDisposable
{
    private readonly int _fixedWidth;
    private readonly MemoryBudget _memory;
    private readonly int _shift;
    private ulong[] _slots;
    private ulong[] _hashes;
    private byte[] _keys;
    private int[] _offsets;
    private int _keyBytes;
    private int _capacity;
    private bool _returned;
    private long _reserved;

    public KeyTable(int fixedWidth, MemoryBudget memory, int expected = 1024)
    {
        _fixedWidth = fixedWidth;
        _memory = memory;
        _shift = fixedWidth is > 0 and <= 8 ? 1 : 0;
        var capacity = (int)Math.Max(64, System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(expected, 16) * 2));
        // Fixed-width keys need no offsets and exactly their width of arena; variable ones start at 16 bytes.
        var keyWidth = fixedWidth >= 0 ? fixedWidth : 16;
        var offsetWidth = fixedWidth >= 0 ? 0 : 4;
        Reserve(((capacity * 8L) << _shift) + (capacity / 2 * (8L + offsetWidth + keyWidth)));
        _capacity = capacity;
        _slots = RentSlots(capacity << _shift);
        _hashes = ArrayPool<ulong>.Shared.Rent(capacity / 2);
        _offsets = fixedWidth >= 0 ? [] : ArrayPool<int>.Shared.Rent((capacity / 2) + 1);
        _keys = ArrayPool<byte>.Shared.Rent(Math.Max(1, capacity / 2 * keyWidth));
        if (fixedWidth < 0)
            _offsets[0] = 0;
    }

    public int Count { get; private set; }

    /// <summary>True when keys are kept inline beside their slots (fixed width of 1 to 8 bytes).</summary>
    public bool InlineKeys => _shift == 1;

    private int Capacity => _capacity;

    public ulong Hash(int entry) => _hashes[entry];

    public ReadOnlySpan<byte> Key(int entry) => _fixedWidth >= 0
        ? _keys.AsSpan(entry * _fixedWidth, _fixedWidth)
        : _keys.AsSpan(_offsets[entry], _offsets[entry + 1] - _offsets[entry]);

    /// <summary>
    /// Starts loading the first slot a lookup of <paramref name="hash"/> reads. Issued for a whole batch before
    /// its lookups, the cache misses of a table larger than the cache overlap instead of stalling one by one.
    /// A prefetch never faults, so an address made stale by the GC only wastes the hint.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public unsafe void Prefetch(ulong hash)
    {
        if (Sse.IsSupported)
            Sse.Prefetch0(Unsafe.AsPointer(ref _slots[((int)hash & (Capacity - 1)) << _shift]));
    }

    /// <summary>The entry of <paramref name="key"/>, or -1.</summary>
    public int Find(ulong hash, ReadOnlySpan<byte> key)
    {
        var mask = Capacity - 1;
        var tag = hash & 0xFFFFFFFF00000000UL;
        var inline = _shift == 1 ? Inline(key) : 0;
        for (var i = (int)hash & mask; ; i = (i + 1) & mask)
        {
            var at = i << _shift;
            var slot = _slots[at];
            if (slot == 0)
                return -1;
            if ((slot & 0xFFFFFFFF00000000UL) == tag && (_shift == 1 ? _slots[at + 1] == inline : KeyEquals((int)(uint)slot - 1, key)))
                return (int)(uint)slot - 1;
        }
    }

    /// <summary>The entry of <paramref name="key"/>, inserting it when new.</summary>
    public int FindOrAdd(ulong hash, ReadOnlySpan<byte> key, out bool added) =>
        FindOrAdd(hash, _shift == 1 ? Inline(key) : 0, key, out added);

    /// <summary>As <see cref="FindOrAdd(ulong, ReadOnlySpan{byte}, out bool)"/> with the key of at most 8 bytes
    /// already packed (<see cref="KeyEncoder.Packed"/>): a lookup then compares one ulong and never reads the span.</summary>
    public int FindOrAdd(ulong hash, ulong inline, ReadOnlySpan<byte> key, out bool added)
    {
        if (Count * 2 >= Capacity)
            Grow();
        var mask = Capacity - 1;
        var tag = hash & 0xFFFFFFFF00000000UL;
        for (var i = (int)hash & mask; ; i = (i + 1) & mask)
        {
            var at = i << _shift;
            var slot = _slots[at];
            if (slot == 0)
            {
                var entry = Append(hash, key);
                _slots[at] = tag | (uint)(entry + 1);
                if (_shift == 1)
                    _slots[at + 1] = inline;
                added = true;
                return entry;
            }
            if ((slot & 0xFFFFFFFF00000000UL) == tag && (_shift == 1 ? _slots[at + 1] == inline : KeyEquals((int)(uint)slot - 1, key)))
            {
                added = false;
                return (int)(uint)slot - 1;
            }
        }
    }

    /// <summary>Releases the memory reservation and returns the arrays to the pool; the table is empty afterwards.</summary>
    public void Dispose()
    {
        _memory.Release(_reserved);
        _reserved = 0;
        if (_returned)
            return;
        _returned = true;
        ArrayPool<ulong>.Shared.Return(_slots);
        ArrayPool<ulong>.Shared.Return(_hashes);
        ArrayPool<byte>.Shared.Return(_keys);
        if (_fixedWidth < 0)
            ArrayPool<int>.Shared.Return(_offsets);
        // Anything that still looked the table up would now see no key at all, never another table's.
        _slots = new ulong[2];
        _hashes = [];
        _keys = [];
        _offsets = [0];
        _capacity = 1;
        Count = 0;
        _keyBytes = 0;
    }

    /// <summary>A key of at most 8 bytes as one ulong (zero-padded), kept beside its slot and compared whole.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Inline(ReadOnlySpan<byte> key)
    {
        if (key.Length == 8)
            return MemoryMarshal.Read<ulong>(key);
        ulong value = 0;
        key.CopyTo(MemoryMarshal.AsBytes(new Span<ulong>(ref value)));
        return value;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool KeyEquals(int entry, ReadOnlySpan<byte> key)
    {
        if (_fixedWidth == 8)
            return MemoryMarshal.Read<ulong>(_keys.AsSpan(entry * 8)) == MemoryMarshal.Read<ulong>(key);
        // Wide fixed keys (a join on the 4-tuple and seq is 32 bytes) compare as words inline: SequenceEqual is a
        // call per probe.
        if (_fixedWidth is 16 or 24 or 32)
            return SameWords(MemoryMarshal.Cast<byte, ulong>(_keys.AsSpan(entry * _fixedWidth, _fixedWidth)), MemoryMarshal.Cast<byte, ulong>(key));
        return Key(entry).SequenceEqual(key);
    }

    private int Append(ulong hash, ReadOnlySpan<byte> key)
    {
        var entry = Count++;
        _hashes[entry] = hash;
        if (_keyBytes + key.Length > _keys.Length)
        {
            var size = (int)Math.Min(Math.Max(_keys.Length * 2L, _keyBytes + key.Length), Array.MaxLength);
            Reserve(size - _keys.Length);
            var keys = ArrayPool<byte>.Shared.Rent(size);
            _keys.AsSpan(0, _keyBytes).CopyTo(keys);
            ArrayPool<byte>.Shared.Return(_keys);
            _keys = keys;
        }
        key.CopyTo(_keys.AsSpan(_keyBytes));
        _keyBytes += key.Length;
        if (_fixedWidth < 0)
            _offsets[entry + 1] = _keyBytes;
        return entry;
    }

    private void Grow()
    {
        var capacity = Capacity * 2;
        Reserve(((long)Capacity << _shift) * 8L + (Capacity / 2 * 12L));
        ArrayPool<ulong>.Shared.Return(_slots);
        _slots = RentSlots(capacity << _shift);
        _capacity = capacity;
        _hashes = Regrow(_hashes, capacity / 2, Count);
        if (_fixedWidth < 0)
            _offsets = Regrow(_offsets, (capacity / 2) + 1, Count + 1);
        var mask = capacity - 1;
        for (var entry = 0; entry < Count; entry++)
        {
            var hash = _hashes[entry];
            var i = (int)hash & mask;
            while (_slots[i << _shift] != 0)
                i = (i + 1) & mask;
            _slots[i << _shift] = (hash & 0xFFFFFFFF00000000UL) | (uint)(entry + 1);
            if (_shift == 1)
                _slots[(i << 1) + 1] = Inline(_keys.AsSpan(entry * _fixedWidth, _fixedWidth));
        }
    }

    /// <summary>Slot arrays must start empty (0 = free); a rented one may hold another table's slots.</summary>
    private static ulong[] RentSlots(int length)
    {
        var slots = ArrayPool<ulong>.Shared.Rent(length);
        slots.AsSpan(0, length).Clear();
        return slots;
    }

    private static T[] Regrow<T>(T[] old, int length, int used)
    {
        var grown = ArrayPool<T>.Shared.Rent(length);
        old.AsSpan(0, used).CopyTo(grown);
        ArrayPool<T>.Shared.Return(old);
        return grown;
    }

    private void Reserve(long bytes)
    {
        _memory.Reserve(bytes);
        _reserved += bytes;
    }
}
