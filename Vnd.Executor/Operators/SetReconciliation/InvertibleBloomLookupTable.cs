using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using Vnd.Executor.Execution;

namespace Vnd.Executor.Operators.SetReconciliation;

/// <summary>
/// An invertible Bloom lookup table over 64-bit integer keys (Eppstein, Goodrich, Uyeda, Varghese, "What's the
/// difference?", SIGCOMM 2011): every key is added to one cell in each of three equal subtables, a cell holding
/// the number of keys added, their sum and the sum of a check hash of each. Subtracting another site's table
/// leaves only the keys whose multiplicity differs between the sites, and <see cref="Peel"/> lists them when the
/// table has about 1.5 cells per differing key, whatever the sizes of the two sets. Sums are additive (not XOR),
/// so a key added several times stays listable with its net count: duplicate keys are handled, not rejected,
/// and a site can tell "in both with other multiplicities" from "only here" by its own count. The key sum is
/// kept exact in 128 bits so the key of a pure cell is its sum divided by its count. Memory is reserved against
/// the query's budget.
/// </summary>
public sealed class InvertibleBloomLookupTable : IDisposable
{
    /// <summary>Bytes per cell as the table travels: count (8), key sum (16), check-hash sum (8), little-endian.</summary>
    public const int CellBytes = 32;

    private const int Subtables = 3;
    private readonly long[] _counts;
    private readonly Int128[] _keySums;
    private readonly ulong[] _hashSums;
    private readonly int _subtable;
    private readonly MemoryBudget? _memory;

    public InvertibleBloomLookupTable(int cells, MemoryBudget? memory = null)
    {
        if (cells < Subtables || cells % Subtables != 0 || cells > Planner.Logical.SetSketchBuild.MaxCells)
            throw new ArgumentOutOfRangeException(nameof(cells), cells, $"an IBLT has a positive multiple of 3 cells, at most {Planner.Logical.SetSketchBuild.MaxCells}");
        memory?.Reserve((long)cells * CellBytes);
        _memory = memory;
        _counts = new long[cells];
        _keySums = new Int128[cells];
        _hashSums = new ulong[cells];
        _subtable = cells / Subtables;
        Cells = cells;
    }

    public int Cells { get; }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(long key) => Update(key, 1);

    /// <summary>Adds <paramref name="key"/> <paramref name="count"/> times (negative: removes).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Update(long key, long count)
    {
        var check = Check(key) * (ulong)count;
        var sum = (Int128)key * count;
        var mixed = Mix((ulong)key);
        for (var j = 0; j < Subtables; j++)
        {
            var cell = Cell(mixed, j);
            _counts[cell] += count;
            _keySums[cell] += sum;
            _hashSums[cell] += check;
        }
    }

    /// <summary>This table minus <paramref name="other"/> (same size): the keys whose counts differ remain.</summary>
    public void Subtract(InvertibleBloomLookupTable other)
    {
        if (other.Cells != Cells)
            throw new ArgumentException($"tables of {Cells} and {other.Cells} cells cannot be subtracted", nameof(other));
        for (var c = 0; c < Cells; c++)
        {
            _counts[c] -= other._counts[c];
            _keySums[c] -= other._keySums[c];
            _hashSums[c] -= other._hashSums[c];
        }
    }

    /// <summary>
    /// Lists every (key, net count) left in the table into <paramref name="into"/>, emptying the table. False when
    /// the table cannot be fully peeled (too many differences for its size): <paramref name="into"/> then holds a
    /// partial list that must not be used.
    /// </summary>
    public bool Peel(Dictionary<long, long> into)
    {
        var pure = new Stack<int>();
        for (var c = 0; c < Cells; c++)
        {
            if (IsPure(c))
                pure.Push(c);
        }
        while (pure.TryPop(out var c))
        {
            if (!IsPure(c))
                continue; // emptied or changed since it was found
            var count = _counts[c];
            var key = (long)(_keySums[c] / count);
            if (!into.TryAdd(key, count))
                return false; // a key peeled twice: the table was damaged
            Update(key, -count);
            var mixed = Mix((ulong)key);
            for (var j = 0; j < Subtables; j++)
            {
                var cell = Cell(mixed, j);
                if (IsPure(cell))
                    pure.Push(cell);
            }
        }
        for (var c = 0; c < Cells; c++)
        {
            if (_counts[c] != 0 || _keySums[c] != 0 || _hashSums[c] != 0)
                return false;
        }
        return true;
    }

    /// <summary>
    /// One key (possibly several times) is left in the cell: the sum divides by the count into a 64-bit key whose
    /// check hash times the count is the cell's check sum (a false "pure" needs a 64-bit hash collision).
    /// </summary>
    private bool IsPure(int c)
    {
        var count = _counts[c];
        if (count == 0)
            return false;
        var sum = _keySums[c];
        if (sum % count != 0)
            return false;
        var key = sum / count;
        if (key < long.MinValue || key > long.MaxValue)
            return false;
        return Check((long)key) * (ulong)count == _hashSums[c];
    }

    /// <summary>Writes the cells to <paramref name="into"/> (<see cref="Cells"/> × <see cref="CellBytes"/> bytes).</summary>
    public void WriteTo(Span<byte> into)
    {
        for (var c = 0; c < Cells; c++)
        {
            var cell = into.Slice(c * CellBytes, CellBytes);
            BinaryPrimitives.WriteInt64LittleEndian(cell, _counts[c]);
            BinaryPrimitives.WriteInt128LittleEndian(cell[8..], _keySums[c]);
            BinaryPrimitives.WriteUInt64LittleEndian(cell[24..], _hashSums[c]);
        }
    }

    /// <summary>Reads cells from <paramref name="from"/>, starting at cell <paramref name="first"/>.</summary>
    public void ReadFrom(ReadOnlySpan<byte> from, int first)
    {
        for (var i = 0; i < from.Length / CellBytes; i++)
        {
            var cell = from.Slice(i * CellBytes, CellBytes);
            _counts[first + i] = BinaryPrimitives.ReadInt64LittleEndian(cell);
            _keySums[first + i] = BinaryPrimitives.ReadInt128LittleEndian(cell[8..]);
            _hashSums[first + i] = BinaryPrimitives.ReadUInt64LittleEndian(cell[24..]);
        }
    }

    public void Dispose() => _memory?.Release((long)Cells * CellBytes);

    /// <summary>Subtable j's cell for a key: a different 64-bit slice of remixed bits per subtable, mapped by multiply-high.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Cell(ulong mixed, int j)
    {
        var h = Mix(mixed + (ulong)(j + 1) * 0x9E3779B97F4A7C15UL);
        return j * _subtable + (int)Math.BigMul(h, (ulong)_subtable, out _);
    }

    /// <summary>The check hash, independent of the cell positions (another seed), never used as a position.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Check(long key) => Mix((ulong)key ^ 0xD6E8FEB86659FD93UL) | 1;

    /// <summary>SplitMix64's finaliser: every input bit affects every output bit.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
