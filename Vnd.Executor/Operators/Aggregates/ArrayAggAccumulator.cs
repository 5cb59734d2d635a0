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
public sealed class ArrayAggAccumulator(MemoryBudget memory, PhysicalType element) : GroupBytesAccumulator(memory)
{
    private readonly bool _variable = element == PhysicalType.VarBytes;
    private readonly int _size = element == PhysicalType.VarBytes ? 0 : PhysicalTypes.SizeOf(element);
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
            if (o.Has(g))
                o.Bytes(g).CopyTo(Reserve(map[g], o.Bytes(g).Length));
        }
    }

    public override void Finish(int first, int count, Vector output)
    {
        var writer = new ArrayWriter(element);
        for (var i = 0; i < count; i++)
        {
            if (!Has(first + i))
            {
                output.SetNull(i);
                continue;
            }
            writer.Begin();
            var records = Bytes(first + i);
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
}
