using System.Buffers;
using Vnd.Executor.Execution;

namespace Vnd.Executor.Operators.SetReconciliation;

/// <summary>
/// An exact check that a site's join keys are unique, which the decomposed aggregate's arithmetic assumes (a
/// statistic could only suggest it): keys are collected into a rented array (8 bytes each, reserved against the
/// query's budget); if they arrived strictly increasing they are distinct, otherwise they are sorted and adjacent
/// keys compared.
/// </summary>
internal sealed class KeyUniqueness(MemoryBudget memory) : IDisposable
{
    private long[] _keys = [];
    private int _count;
    private long _last = long.MinValue;
    private bool _increasing = true;
    private long _reserved;

    public void Add(long key)
    {
        if (_count > 0 && key <= _last)
            _increasing = false;
        _last = key;
        if (_count == _keys.Length)
            Grow();
        _keys[_count++] = key;
    }

    public bool AllDistinct()
    {
        if (_increasing)
            return true;
        var keys = _keys.AsSpan(0, _count);
        keys.Sort();
        for (var i = 1; i < keys.Length; i++)
        {
            if (keys[i] == keys[i - 1])
                return false;
        }
        return true;
    }

    public void Dispose()
    {
        if (_keys.Length > 0)
            ArrayPool<long>.Shared.Return(_keys);
        _keys = [];
        memory.Release(_reserved);
        _reserved = 0;
    }

    private void Grow()
    {
        var grown = ArrayPool<long>.Shared.Rent(Math.Max(1 << 16, _keys.Length * 2));
        // The pool may hand out more than asked: reserve what is held (released in Dispose).
        var bytes = ((long)grown.Length * sizeof(long)) - _reserved;
        try
        {
            memory.Reserve(bytes);
        }
        catch
        {
            ArrayPool<long>.Shared.Return(grown);
            throw;
        }
        _reserved += bytes;
        _keys.AsSpan(0, _count).CopyTo(grown);
        if (_keys.Length > 0)
            ArrayPool<long>.Shared.Return(_keys);
        _keys = grown;
    }
}
