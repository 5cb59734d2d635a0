using System.Numerics;

namespace Vnd.Executor.Vectors;

/// <summary>
/// One bit per row, set = valid (Arrow's convention). Until a row is marked NULL no bitmap exists, so the
/// common all-valid case costs nothing and kernels can test <see cref="AllValid"/> once per batch.
/// </summary>
public sealed class ValidityMask
{
    private int _capacity;
    private ulong[]? _bits;
    private bool _hasNulls;

    public ValidityMask(int capacity) => _capacity = capacity;

    /// <summary>True when no row is NULL.</summary>
    public bool AllValid => !_hasNulls;

    public bool IsValid(int row) => !_hasNulls || (_bits![row >> 6] & (1UL << row)) != 0;

    public bool IsNull(int row) => !IsValid(row);

    public void SetNull(int row)
    {
        EnsureBits();
        _bits![row >> 6] &= ~(1UL << row);
    }

    public void SetValid(int row)
    {
        if (_hasNulls)
            _bits![row >> 6] |= 1UL << row;
    }

    public void Set(int row, bool valid)
    {
        if (valid)
            SetValid(row);
        else
            SetNull(row);
    }

    /// <summary>Marks every row valid again (used when a vector is reused for the next batch).</summary>
    public void Reset() => _hasNulls = false;

    /// <summary>Copies another mask (same capacity or smaller).</summary>
    public void CopyFrom(ValidityMask other)
    {
        if (!other._hasNulls)
        {
            _hasNulls = false;
            return;
        }
        EnsureBits();
        other._bits.AsSpan(0, Math.Min(other._bits!.Length, _bits!.Length)).CopyTo(_bits);
    }

    /// <summary>Rows that are NULL in <paramref name="other"/> become NULL here too.</summary>
    public void And(ValidityMask other)
    {
        if (!other._hasNulls)
            return;
        if (!_hasNulls)
        {
            CopyFrom(other);
            return;
        }
        var n = Math.Min(_bits!.Length, other._bits!.Length);
        for (var i = 0; i < n; i++)
            _bits[i] &= other._bits[i];
    }

    /// <summary>Counts NULL rows among the first <paramref name="count"/>.</summary>
    public int CountNulls(int count)
    {
        if (!_hasNulls)
            return 0;
        var valid = 0;
        var full = count >> 6;
        for (var i = 0; i < full; i++)
            valid += BitOperations.PopCount(_bits![i]);
        for (var r = full << 6; r < count; r++)
            valid += (int)((_bits![r >> 6] >> r) & 1);
        return count - valid;
    }

    /// <summary>Grows to <paramref name="capacity"/> rows, keeping existing bits (new rows valid).</summary>
    public void Grow(int capacity)
    {
        if (capacity <= _capacity)
            return;
        _capacity = capacity;
        if (_bits is null)
            return;
        var grown = new ulong[(capacity + 63) >> 6];
        grown.AsSpan().Fill(ulong.MaxValue);
        _bits.CopyTo(grown, 0);
        _bits = grown;
    }

    private void EnsureBits()
    {
        if (_hasNulls)
            return;
        _bits ??= new ulong[(_capacity + 63) >> 6];
        _bits.AsSpan().Fill(ulong.MaxValue);
        _hasNulls = true;
    }
}
