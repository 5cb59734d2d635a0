using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Vnd.Executor.Vectors;

namespace Vnd.Executor.Operators.Hashing;

/// <summary>
/// Packs the fixed-width group keys of a batch into 1–4 ulongs a row (<see cref="PackedKeyLayout"/>) and hashes
/// them, a column at a time in tight per-type loops: no per-row type switch, no byte offsets, no 8-byte widening
/// of every integer. NULLs are values here (GROUP BY, DISTINCT): a NULL's value field is zero and its flag set, so
/// all NULLs of a column meet. Floats are normalised (-0 = 0, one NaN) so equal values pack equally. Keys are
/// compared as whole words, and a one-word key (an address, an int8, a float8) is kept inline in
/// <see cref="KeyTable"/>.
/// </summary>
public sealed class PackedKeyEncoder
{
    private readonly PackedKeyLayout _layout;
    private readonly ulong[] _words;

    public PackedKeyEncoder(PackedKeyLayout layout)
    {
        _layout = layout;
        Words = layout.Words;
        _words = new ulong[Batch.Capacity * Words];
    }

    public PackedKeyLayout Layout => _layout;

    /// <summary>Words per key.</summary>
    public int Words { get; }

    /// <summary>Bytes per key as <see cref="KeyTable"/> stores it.</summary>
    public int Width => Words * 8;

    public ulong[] Hashes { get; } = new ulong[Batch.Capacity];

    /// <summary>The first <paramref name="count"/> keys, <see cref="Words"/> words each.</summary>
    public ReadOnlySpan<ulong> Keys(int count) => _words.AsSpan(0, count * Words);

    /// <summary>Key k as the bytes of its words (little-endian), what <see cref="KeyTable"/> stores.</summary>
    public ReadOnlySpan<byte> Key(int k) => MemoryMarshal.AsBytes(_words.AsSpan(k * Words, Words));

    /// <summary>Encodes and hashes the rows <paramref name="rows"/> of <paramref name="columns"/>; key k belongs to rows[k].</summary>
    public void Encode(ReadOnlySpan<Vector> columns, ReadOnlySpan<int> rows)
    {
        EncodeWords(columns, rows);
        ComputeHashes(rows.Length);
    }

    /// <summary>The hash of a key of any width, as <see cref="Encode"/> computes it.</summary>
    public static ulong HashWords(ReadOnlySpan<ulong> key)
    {
        var h = Hash.Seed;
        foreach (var w in key)
            h = Hash.Combine(h, w);
        return Hash.Finish(h);
    }

    /// <summary>The hash of a two-word key, as <see cref="Encode"/> computes it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong HashPair(ulong w0, ulong w1) => Hash.Finish(Hash.Combine(Hash.Combine(Hash.Seed, w0), w1));

    /// <summary>The hash of a one-word key, as <see cref="Encode"/> computes it.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static ulong HashWord(ulong key) => Hash.Finish(Hash.Combine(Hash.Seed, key));

    /// <summary>As <see cref="Encode"/> without the hashes, for lookups that may not need them (<see cref="DirectKeyIndex"/>).</summary>
    public void EncodeWords(ReadOnlySpan<Vector> columns, ReadOnlySpan<int> rows) => Pack(columns, rows);

    /// <summary>
    /// <see cref="EncodeWords"/> for a narrow layout (<see cref="PackedKeyLayout.TryCreateNarrow"/>): false, with the
    /// keys incomplete, when a column holds a NULL or a value its field cannot hold. The range check is an OR of the
    /// values in the packing loop itself, not a pass of its own.
    /// </summary>
    public bool TryEncodeWords(ReadOnlySpan<Vector> columns, ReadOnlySpan<int> rows)
    {
        foreach (var v in columns)
        {
            if (!v.Validity.AllValid)
                return false;
        }
        return Pack(columns, rows);
    }

    /// <summary>Packs every column; false as soon as a column of a narrow layout does not fit.</summary>
    private bool Pack(ReadOnlySpan<Vector> columns, ReadOnlySpan<int> rows)
    {
        var n = rows.Length;
        var words = _words.AsSpan(0, n * Words);
        words.Clear();
        for (var c = 0; c < columns.Length; c++)
        {
            var v = columns[c];
            if ((PutColumn(_layout.Types[c], v, rows, words, Words, _layout.Values[c]) & _layout.Spill[c]) != 0)
                return false;
            if (!v.Validity.AllValid)
                MarkNulls(v, c, rows, words);
        }
        return true;
    }

    /// <summary>
    /// ORs a column's values into their field of key k = <c>words[k * stride + field.Word]</c> and returns the OR of the
    /// values widened to ulong (a sign extends), which tells whether every value fits a narrow field. With stride 1
    /// (one-word keys, or a plane of <see cref="PairPlaneEncoder"/>) the words are contiguous and int2, int4 and inet4
    /// values go in a vector at a time (<see cref="PlaneVectors"/>).
    /// </summary>
    internal static ulong PutColumn(PhysicalType type, Vector v, ReadOnlySpan<int> rows, Span<ulong> words, int stride, PackedKeyLayout.Field field) => type switch
    {
        PhysicalType.Bool => PutIntegers<byte>(v, rows, words, stride, field),
        PhysicalType.Int16 => PutIntegers<short>(v, rows, words, stride, field),
        PhysicalType.Int32 => PutIntegers<int>(v, rows, words, stride, field),
        PhysicalType.Inet4 => PutIntegers<uint>(v, rows, words, stride, field),
        PhysicalType.Int64 => PutIntegers<long>(v, rows, words, stride, field),
        PhysicalType.MacAddr => PutIntegers<ulong>(v, rows, words, stride, field),
        _ => PutDoubles(v, rows, words, stride, field),
    };

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static ulong PutIntegers<T>(Vector v, ReadOnlySpan<int> rows, Span<ulong> words, int stride, PackedKeyLayout.Field field)
        where T : unmanaged, System.Numerics.IBinaryInteger<T>
    {
        var data = v.Data<T>();
        var at = field.Word;
        var shift = field.Shift;
        var mask = field.Mask >> shift;
        if (v.IsConstant)
        {
            var value = ulong.CreateTruncating(data[0]);
            var bits = (value & mask) << shift;
            for (var k = 0; k < rows.Length; k++)
                words[(k * stride) + at] |= bits;
            return rows.Length > 0 ? value : 0;
        }
        // words holds rows.Length keys of stride words (EncodeWords sliced it so): field k is in range.
        ref var first = ref Unsafe.Add(ref MemoryMarshal.GetReference(words), at);
        var seen = 0UL;
        if (Batch.IsIdentity(rows))
        {
            // A batch without a selection (most scans): values by position, one load a row instead of two.
            var values = data[..rows.Length];
            if (stride == 1 && Unsafe.SizeOf<T>() is 2 or 4)
                return PlaneVectors.Put(values, words.Slice(at, rows.Length), shift, mask);
            for (var k = 0; k < values.Length; k++)
            {
                var value = ulong.CreateTruncating(values[k]);
                seen |= value;
                Unsafe.Add(ref first, k * stride) |= (value & mask) << shift;
            }
            return seen;
        }
        for (var k = 0; k < rows.Length; k++)
        {
            var value = ulong.CreateTruncating(data[rows[k]]);
            seen |= value;
            Unsafe.Add(ref first, k * stride) |= (value & mask) << shift;
        }
        return seen;
    }

    /// <summary>Float8 fields are whole words, so the normalised bits are stored as they are; they are never narrowed,
    /// so there is nothing to report for the range check (0).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static ulong PutDoubles(Vector v, ReadOnlySpan<int> rows, Span<ulong> words, int stride, PackedKeyLayout.Field field)
    {
        var data = v.Data<double>();
        var at = field.Word;
        if (v.IsConstant)
        {
            var bits = Normalize(data[0]);
            for (var k = 0; k < rows.Length; k++)
                words[(k * stride) + at] = bits;
            return 0;
        }
        if (stride == 1 && Batch.IsIdentity(rows))
        {
            // One float8 key (GROUP BY ceil(ts)): word k is value k.
            var values = data[..rows.Length];
            for (var k = 0; k < values.Length; k++)
                words[k] = Normalize(values[k]);
            return 0;
        }
        for (var k = 0; k < rows.Length; k++)
            words[(k * stride) + at] = Normalize(data[rows[k]]);
        return 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Normalize(double d) =>
        d == 0 ? 0UL : double.IsNaN(d) ? 0x7FF8000000000000UL : (ulong)BitConverter.DoubleToInt64Bits(d);

    private void MarkNulls(Vector v, int column, ReadOnlySpan<int> rows, Span<ulong> words)
    {
        var value = _layout.Values[column];
        var flag = _layout.Flags[column];
        var nullBits = _layout.Types[column] switch
        {
            PhysicalType.Float64 => PackedKeyLayout.Float64Null << value.Shift,
            PhysicalType.Bool => PackedKeyLayout.BoolNull << value.Shift,
            _ => 0UL,
        };
        var constant = v.IsConstant ? 0 : 1;
        for (var k = 0; k < rows.Length; k++)
        {
            if (v.Validity.IsValid(rows[k] * constant))
                continue;
            ref var word = ref words[(k * Words) + value.Word];
            word = (word & ~value.Mask) | nullBits;
            if (flag.Bits != 0)
                words[(k * Words) + flag.Word] |= 1UL << flag.Shift;
        }
    }

    /// <summary>Hashes the first <paramref name="n"/> keys <see cref="EncodeWords"/> wrote into <see cref="Hashes"/>.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public void ComputeHashes(int n)
    {
        var hashes = Hashes.AsSpan(0, n);
        var words = _words.AsSpan(0, n * Words);
        switch (Words)
        {
            case 1:
                for (var k = 0; k < n; k++)
                    hashes[k] = HashWord(words[k]);
                break;
            case 2:
                for (var k = 0; k < n; k++)
                    hashes[k] = HashPair(words[2 * k], words[(2 * k) + 1]);
                break;
            case 3:
            {
                // By reference: words holds 3n words, and three bounds checks a key cost as much as a Combine.
                ref var key = ref MemoryMarshal.GetReference(words);
                for (var k = 0; k < n; k++, key = ref Unsafe.Add(ref key, 3))
                    hashes[k] = Hash.Finish(Hash.Combine(Hash.Combine(Hash.Combine(Hash.Seed, key), Unsafe.Add(ref key, 1)), Unsafe.Add(ref key, 2)));
                break;
            }
            default:
                for (var k = 0; k < n; k++)
                {
                    var h = Hash.Seed;
                    var key = words.Slice(k * Words, Words);
                    foreach (var w in key)
                        h = Hash.Combine(h, w);
                    hashes[k] = Hash.Finish(h);
                }
                break;
        }
    }
}
