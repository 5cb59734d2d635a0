using System.Runtime.InteropServices;
using Vnd.Executor.Execution;
using Vnd.Executor.Operators.Hashing;

namespace Vnd.Executor.Operators.Aggregates;

/// <summary>
/// The distinct (group, value) pairs of a DISTINCT aggregate: one hash set of the group number followed by the
/// value's key bytes. Entries are numbered in insertion order, which lets a caller keep per-pair data beside it.
/// </summary>
internal sealed class GroupValueSet : IDisposable
{
    private readonly KeyTable _pairs;
    private byte[] _composite = new byte[64];

    public GroupValueSet(MemoryBudget memory) => _pairs = new KeyTable(-1, memory);

    public int Count => _pairs.Count;

    public int Group(int entry) => MemoryMarshal.Read<int>(_pairs.Key(entry));

    public ReadOnlySpan<byte> Value(int entry) => _pairs.Key(entry)[4..];

    /// <summary>Adds the pair; true when it was not there yet.</summary>
    public bool Add(int group, ReadOnlySpan<byte> value)
    {
        if (_composite.Length < value.Length + 4)
            _composite = new byte[(value.Length + 4) * 2];
        MemoryMarshal.Write(_composite, group);
        value.CopyTo(_composite.AsSpan(4));
        var key = _composite.AsSpan(0, value.Length + 4);
        _pairs.FindOrAdd(Hash.Finish(Hash.Bytes(key)), key, out var added);
        return added;
    }

    public void Dispose() => _pairs.Dispose();
}
