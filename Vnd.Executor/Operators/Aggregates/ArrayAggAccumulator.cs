using System.Buffers.Binary;
using Vnd.Executor.Execution;
using Vnd.Executor.Vectors;

namespace Vnd.Executor.Operators.Aggregates;

/// <summary>
/// array_agg(x): every input value, NULLs included, in arrival order (unspecified in PostgreSQL too without
/// ORDER BY); a group with no rows is NULL. Each group owns a growable byte buffer of element records — a flag byte
/// (1 = NULL), then the value's in-memory bytes for fixed-width types or an int32 length and the bytes for text —
/// turned into the <see cref="ArrayLayout"/> form once, when the group is finished.
/// </summary>
public sealed class ArrayAggAccumulator(MemoryBudget memory, PhysicalType element) : Accumulator(memory)
{
    private readonly bool _variable = element == PhysicalType.VarBytes;
    private readonly int _size = element == PhysicalType.VarBytes ? 0 : PhysicalTypes.SizeOf(element);
    private byte[]?[] _buffers = [];
    private int[] _lengths = [];
    private long _bytes;

    public override void Resize(int count)
    {
        Grow(ref _buffers, count);
        Grow(ref _lengths, count);
    }

    public override void Update(Vector? input, ReadOnlySpan<int> rows, ReadOnlySpan<int> groups)
    {
        for (var k = 0; k < rows.Length; k++)
        {
            var row = rows[k];
            if (input!.IsNull(row))
            {
                Reserve(groups[k], 1)[0] = 1;
                continue;
            }
            ReadOnlySpan<byte> value = _variable
                ? input.GetBytes(row)
                : input.Data<byte>().Slice((input.IsConstant ? 0 : row) * _size, _size);
            var record = Reserve(groups[k], 1 + (_variable ? 4 : 0) + value.Length);
            record[0] = 0;
            if (_variable)
                BinaryPrimitives.WriteInt32LittleEndian(record[1..], value.Length);
            value.CopyTo(record[(_variable ? 5 : 1)..]);
        }
    }

    public override void Merge(Accumulator other, ReadOnlySpan<int> map)
    {
        var o = (ArrayAggAccumulator)other;
        for (var g = 0; g < map.Length; g++)
        {
            if (o._buffers[g] is { } b)
                b.AsSpan(0, o._lengths[g]).CopyTo(Reserve(map[g], o._lengths[g]));
        }
    }

    public override void Finish(int first, int count, Vector output)
    {
        var writer = new ArrayWriter(element);
        for (var i = 0; i < count; i++)
        {
            if (_buffers[first + i] is not { } buffer)
            {
                output.SetNull(i);
                continue;
            }
            writer.Begin();
            var records = buffer.AsSpan(0, _lengths[first + i]);
            while (!records.IsEmpty)
            {
                if (records[0] == 1)
                {
                    writer.AddNull();
                    records = records[1..];
                }
                else if (_variable)
                {
                    var length = BinaryPrimitives.ReadInt32LittleEndian(records[1..]);
                    writer.AddBytes(records.Slice(5, length));
                    records = records[(5 + length)..];
                }
                else
                {
                    writer.AddFixed(records.Slice(1, _size));
                    records = records[(1 + _size)..];
                }
            }
            writer.WriteTo(output, i);
        }
    }

    public override void Dispose()
    {
        Memory.Release(_bytes);
        _bytes = 0;
        base.Dispose();
    }

    /// <summary>Appends <paramref name="length"/> bytes to group <paramref name="g"/>'s records and returns them.</summary>
    private Span<byte> Reserve(int g, int length)
    {
        var buffer = _buffers[g];
        var used = _lengths[g];
        if (buffer is null || used + length > buffer.Length)
        {
            var size = Math.Max(used + length, Math.Max(32, (buffer?.Length ?? 0) * 2));
            Memory.Reserve(size - (buffer?.Length ?? 0));
            _bytes += size - (buffer?.Length ?? 0);
            var grown = new byte[size];
            buffer?.AsSpan(0, used).CopyTo(grown);
            _buffers[g] = buffer = grown;
        }
        _lengths[g] = used + length;
        return buffer.AsSpan(used, length);
    }
}
