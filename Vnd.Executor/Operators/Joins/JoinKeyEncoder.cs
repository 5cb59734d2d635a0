using Vnd.Executor.Operators.Hashing;
using Vnd.Executor.Vectors;

namespace Vnd.Executor.Operators.Joins;

/// <summary>
/// Packs one side's join keys into words (a join layout of <see cref="PackedKeyLayout"/>: both sides' fields as
/// wide as the wider column, no NULL flags) and hashes them, a column at a time. A row with a NULL in any key
/// column is flagged in <see cref="HasNull"/>: under SQL's equality it matches nothing, whatever its packed words.
/// </summary>
internal sealed class JoinKeyEncoder
{
    private readonly PackedKeyEncoder _packer;

    public JoinKeyEncoder(PackedKeyLayout layout)
    {
        _packer = new PackedKeyEncoder(layout);
        Words = layout.Words;
    }

    public int Words { get; }

    public int Count { get; private set; }

    public ulong[] Hashes => _packer.Hashes;

    public bool[] HasNull { get; } = new bool[Batch.Capacity];

    /// <summary>True when some row of the last batch has a NULL key.</summary>
    public bool AnyNull { get; private set; }

    /// <summary>The first <see cref="Count"/> keys, <see cref="Words"/> words each.</summary>
    public ReadOnlySpan<ulong> Keys => _packer.Keys(Count);

    /// <summary>Encodes the rows <paramref name="rows"/> of <paramref name="columns"/>; key k belongs to rows[k].</summary>
    public void Encode(ReadOnlySpan<Vector> columns, ReadOnlySpan<int> rows)
    {
        Count = rows.Length;
        _packer.Encode(columns, rows);
        var isNull = HasNull.AsSpan(0, rows.Length);
        isNull.Clear();
        AnyNull = false;
        foreach (var v in columns)
        {
            if (v.Validity.AllValid)
                continue;
            if (v.IsConstant)
            {
                // A constant NULL key (a probe of `= NULL`) leaves no row keyed.
                if (v.IsNull(0))
                {
                    isNull.Fill(true);
                    AnyNull = rows.Length > 0;
                }
                continue;
            }
            for (var k = 0; k < rows.Length; k++)
            {
                if (v.Validity.IsNull(rows[k]))
                {
                    isNull[k] = true;
                    AnyNull = true;
                }
            }
        }
    }
}
