using Vnd.Executor.Execution;
using Vnd.Executor.Vectors;

namespace Vnd.Executor.Operators.Aggregates;

/// <summary>bool_and / bool_or: NULL inputs ignored, NULL when a group saw none.</summary>
public sealed class BoolAccumulator(MemoryBudget memory, bool and) : Accumulator(memory)
{
    private byte[] _state = [];
    private bool[] _seen = [];

    public override void Resize(int count)
    {
        var old = _state.Length;
        Grow(ref _state, count);
        Grow(ref _seen, count);
        if (and)
            _state.AsSpan(old).Fill(1);
    }

    public override void Update(Vector? input, ReadOnlySpan<int> rows, ReadOnlySpan<int> groups)
    {
        var data = input!.Data<byte>();
        var stride = input.IsConstant ? 0 : 1;
        for (var k = 0; k < rows.Length; k++)
        {
            var r = rows[k] * stride;
            if (input.Validity.IsValid(r))
                Offer(groups[k], data[r]);
        }
    }

    public override void Merge(Accumulator other, ReadOnlySpan<int> map)
    {
        var o = (BoolAccumulator)other;
        for (var g = 0; g < map.Length; g++)
        {
            if (o._seen[g])
                Offer(map[g], o._state[g]);
        }
    }

    public override void Finish(int first, int count, Vector output)
    {
        for (var i = 0; i < count; i++)
        {
            if (_seen[first + i])
                output.Set(i, _state[first + i]);
            else
                output.SetNull(i);
        }
    }

    private void Offer(int g, byte value)
    {
        _seen[g] = true;
        _state[g] = and ? (byte)(_state[g] & value) : (byte)(_state[g] | value);
    }
}
