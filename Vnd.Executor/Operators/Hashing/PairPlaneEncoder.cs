using Vnd.Executor.Vectors;

namespace Vnd.Executor.Operators.Hashing;

/// <summary>
/// Packs the keys of a narrow two-word layout (<see cref="PackedKeyLayout.TryCreateNarrow"/>: the 5-tuple as
/// 32+32 | 16+16+16) into two planes instead of interleaved pairs: word 0 of key k at <c>Planes[k]</c>, word 1 at
/// <c>Planes[<see cref="Plane"/> + k]</c>. A plane is contiguous, so a batch without a selection adds an int4 or
/// inet4 column eight values at a time and an int2 column sixteen (<see cref="PlaneVectors"/>), where
/// <see cref="PackedKeyEncoder"/> reads, ORs and writes back one key word a row per column: packing was a third of
/// DISTINCT 5-tuple's CPU. The words are exactly the narrow layout's, so keys, hashes and the wide fallback
/// (<see cref="PackedKeyLayout.Widen"/>) are those of <see cref="PackedKeyEncoder"/>.
/// </summary>
public sealed class PairPlaneEncoder
{
    /// <summary>Where the second plane starts: one word per row a batch can hold.</summary>
    public const int Plane = Batch.Capacity;

    private readonly PackedKeyLayout _layout;
    private readonly ulong[] _planes = new ulong[2 * Plane];

    public PairPlaneEncoder(PackedKeyLayout layout)
    {
        if (layout is not { Words: 2, IsNarrow: true })
            throw new ArgumentException("a narrow layout of two words", nameof(layout));
        _layout = layout;
    }

    public PackedKeyLayout Layout => _layout;

    /// <summary>Both planes; the first n words of each hold the keys of the last <see cref="TryEncode"/> of n rows.</summary>
    public ReadOnlySpan<ulong> Planes => _planes;

    /// <summary>
    /// Packs key k from rows[k] of <paramref name="columns"/>; false, with the planes incomplete, when a column holds a
    /// NULL or a value its narrow field cannot hold (the OR of the values, checked once a column).
    /// </summary>
    public bool TryEncode(ReadOnlySpan<Vector> columns, ReadOnlySpan<int> rows)
    {
        foreach (var v in columns)
        {
            if (!v.Validity.AllValid)
                return false;
        }
        var n = rows.Length;
        _planes.AsSpan(0, n).Clear();
        _planes.AsSpan(Plane, n).Clear();
        for (var c = 0; c < columns.Length; c++)
        {
            // A plane is one-word keys: field c at word 0 of its plane, stride 1.
            var field = _layout.Values[c];
            var plane = _planes.AsSpan(field.Word * Plane, n);
            if ((PackedKeyEncoder.PutColumn(_layout.Types[c], columns[c], rows, plane, 1, field with { Word = 0 }) & _layout.Spill[c]) != 0)
                return false;
        }
        return true;
    }
}
