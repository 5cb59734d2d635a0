using Vnd.Executor.Vectors;

namespace Vnd.Executor.Operators.Hashing;

/// <summary>
/// Where each column of a fixed-width group key lives when the whole key is packed into at most
/// <see cref="MaxWords"/> ulongs: a value field of the column's natural width (an IPv4 address or int4 32 bits, a
/// port pair 64 — not the 8 bytes plus a flag byte per column of <see cref="KeyEncoder"/>) and, for the types
/// with no spare bit pattern, a one-bit NULL flag. Fields never straddle a word; they are placed first-fit in
/// column order, the flags after all values. The 5-tuple (two addresses, int2 protocol, two int4 ports, five
/// flags) takes 149 bits in three words instead of 45 bytes.
/// </summary>
public sealed class PackedKeyLayout
{
    public const int MaxWords = 4;

    /// <summary>A float8 NULL: a NaN payload that <see cref="PackedKeyEncoder"/>'s normalisation (every NaN to the
    /// canonical 0x7FF8000000000000) never produces, so float8 keys need no flag bit.</summary>
    public const ulong Float64Null = 0x7FF8000000000001UL;

    /// <summary>A bool NULL: the value field holds 0, 1 or this.</summary>
    public const ulong BoolNull = 2;

    private PackedKeyLayout(PhysicalType[] types, int words, Field[] values, Field[] flags)
    {
        Types = types;
        Words = words;
        Values = values;
        Flags = flags;
        Spill = new ulong[types.Length];
        for (var c = 0; c < types.Length; c++)
        {
            if (values[c].Bits < ValueBits(types[c]))
                Spill[c] = ~(values[c].Mask >> values[c].Shift);
        }
    }

    public IReadOnlyList<PhysicalType> Types { get; }

    /// <summary>Words per key, 1 to <see cref="MaxWords"/>.</summary>
    public int Words { get; }

    /// <summary>Each column's value field.</summary>
    internal Field[] Values { get; }

    /// <summary>Each column's NULL flag; <see cref="Field.Bits"/> 0 for float8 and bool (NULL is a value pattern).</summary>
    internal Field[] Flags { get; }

    /// <summary>Per column, the bits of a value (widened to ulong as <see cref="PackedKeyEncoder"/> does) that its
    /// field cannot hold: nonzero only in a narrow layout (<see cref="TryCreateNarrow"/>), where an int4 field has 16
    /// bits and a value outside 0..65535 does not fit.</summary>
    internal ulong[] Spill { get; }

    /// <summary>True for a layout of <see cref="TryCreateNarrow"/>: no NULL flags, some fields narrower than their type.</summary>
    public bool IsNarrow { get; private init; }

    /// <summary>The layout for <paramref name="types"/>, or null when a column is not fixed-width (text, numeric,
    /// interval, inet) or the key needs more than <see cref="MaxWords"/> words.</summary>
    public static PackedKeyLayout? TryCreate(IReadOnlyList<PhysicalType> types)
    {
        if (types.Count == 0)
            return null;
        Span<int> used = stackalloc int[MaxWords];
        var values = new Field[types.Count];
        var flags = new Field[types.Count];
        for (var c = 0; c < types.Count; c++)
        {
            var bits = ValueBits(types[c]);
            if (bits == 0 || !TryPlace(used, bits, out values[c]))
                return null;
        }
        for (var c = 0; c < types.Count; c++)
        {
            if (types[c] is not (PhysicalType.Float64 or PhysicalType.Bool) && !TryPlace(used, 1, out flags[c]))
                return null;
        }
        var words = 0;
        for (var w = 0; w < MaxWords; w++)
        {
            if (used[w] > 0)
                words = w + 1;
        }
        return new PackedKeyLayout([.. types], words, values, flags);
    }

    /// <summary>
    /// An optimistic layout for the same columns as <paramref name="wide"/> that holds only keys with no NULLs whose
    /// int4 values lie in 0..65535 and int8 values in 0..2^32-1 (ports, protocol numbers, small ids): no NULL flags
    /// and half-width fields, so the 5-tuple's three words (149 bits) become two (112). Null when that saves no word.
    /// A table that uses it must switch to <paramref name="wide"/> (<see cref="Widen"/>) at the first key that does
    /// not fit.
    /// </summary>
    public static PackedKeyLayout? TryCreateNarrow(PackedKeyLayout wide)
    {
        Span<int> used = stackalloc int[MaxWords];
        var types = wide.Types;
        var values = new Field[types.Count];
        for (var c = 0; c < types.Count; c++)
        {
            var bits = types[c] switch
            {
                PhysicalType.Int32 => 16,
                PhysicalType.Int64 => 32,
                var other => ValueBits(other),
            };
            if (!TryPlace(used, bits, out values[c]))
                return null;
        }
        var words = 0;
        for (var w = 0; w < MaxWords; w++)
        {
            if (used[w] > 0)
                words = w + 1;
        }
        return words < wide.Words ? new PackedKeyLayout([.. types], words, values, new Field[types.Count]) { IsNarrow = true } : null;
    }

    /// <summary>
    /// Rewrites one key of the narrow layout <paramref name="narrow"/> in the wide layout <paramref name="wide"/> of
    /// the same columns, the words <see cref="PackedKeyEncoder"/> would have written for the same values: a narrow
    /// key holds no NULL and only non-negative values that fit its field, so each value moves as it is and every
    /// flag stays clear.
    /// </summary>
    public static void Widen(PackedKeyLayout narrow, PackedKeyLayout wide, ReadOnlySpan<ulong> from, Span<ulong> to)
    {
        to[..wide.Words].Clear();
        for (var c = 0; c < narrow.Values.Length; c++)
        {
            var n = narrow.Values[c];
            var w = wide.Values[c];
            to[w.Word] |= ((from[n.Word] & n.Mask) >> n.Shift) << w.Shift;
        }
    }

    /// <summary>
    /// The layout of one side of an equi-join whose other side's key columns are <paramref name="otherSide"/>: each
    /// field is as wide as the wider of the pair, so an int2 key and an int4 key both pack a value as its 32-bit
    /// two's complement and meet by value, and both sides get the same fields. No NULL flags: a NULL join key
    /// matches nothing, so the join drops (or reports unmatched) such rows before looking them up. Null when a
    /// column cannot be packed or the pair types differ other than in integer width.
    /// </summary>
    public static PackedKeyLayout? TryCreateForJoin(IReadOnlyList<PhysicalType> types, IReadOnlyList<PhysicalType> otherSide)
    {
        if (types.Count == 0 || types.Count != otherSide.Count)
            return null;
        Span<int> used = stackalloc int[MaxWords];
        var values = new Field[types.Count];
        for (var c = 0; c < types.Count; c++)
        {
            var bits = Math.Max(ValueBits(types[c]), ValueBits(otherSide[c]));
            var sameKind = types[c] == otherSide[c] || (IsInteger(types[c]) && IsInteger(otherSide[c]));
            if (!sameKind || ValueBits(types[c]) == 0 || !TryPlace(used, bits, out values[c]))
                return null;
        }
        var words = 0;
        for (var w = 0; w < MaxWords; w++)
        {
            if (used[w] > 0)
                words = w + 1;
        }
        return new PackedKeyLayout([.. types], words, values, new Field[types.Count]);
    }

    private static bool IsInteger(PhysicalType type) => type is PhysicalType.Int16 or PhysicalType.Int32 or PhysicalType.Int64;

    /// <summary>Bits of a column's value field; 0 when the type cannot be packed.</summary>
    private static int ValueBits(PhysicalType type) => type switch
    {
        PhysicalType.Bool => 2,
        PhysicalType.Int16 => 16,
        PhysicalType.Int32 or PhysicalType.Inet4 => 32,
        PhysicalType.MacAddr => 48,
        PhysicalType.Int64 or PhysicalType.Float64 => 64,
        _ => 0,
    };

    private static bool TryPlace(Span<int> used, int bits, out Field field)
    {
        for (var w = 0; w < used.Length; w++)
        {
            if (used[w] + bits <= 64)
            {
                field = new Field(w, used[w], bits);
                used[w] += bits;
                return true;
            }
        }
        field = default;
        return false;
    }

    /// <summary>A bit field of one key word: bits [Shift, Shift + Bits) of word Word.</summary>
    internal readonly record struct Field(int Word, int Shift, int Bits)
    {
        /// <summary>The field's bits in place (all ones for a 64-bit field).</summary>
        public ulong Mask => (Bits == 64 ? ulong.MaxValue : (1UL << Bits) - 1) << Shift;
    }
}
