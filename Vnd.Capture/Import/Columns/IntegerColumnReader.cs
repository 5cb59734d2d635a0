using Vnd.Capture.Decoding;
using Vnd.Capture.Fields;

namespace Vnd.Capture.Import.Columns;

/// <summary>
/// Reads an integer-valued column (integers, IPv4 addresses as numbers) for a run of packets: the first field that
/// a packet has. A column almost always has one field; when it has a <see cref="FieldSlot"/> the whole run is read
/// by <see cref="FieldSlotReader"/>, otherwise by the general reader resolved when the column was planned. Later
/// fields are only consulted for the rows the earlier ones left empty.
/// </summary>
internal sealed class IntegerColumnReader
{
    private readonly FieldSlot _slot;
    private readonly LayerRole _layer;
    private readonly ResolvedInt64Field[] _fields;
    private readonly long[] _values = new long[PacketBatch.Capacity];
    private readonly bool[] _present = new bool[PacketBatch.Capacity];

    /// <param name="slot">The first field's slot (<see cref="FieldSlot.Exists"/> false when it has none).</param>
    public IntegerColumnReader(FieldDescriptor[] fields, FieldSlot slot)
    {
        _slot = slot;
        _layer = fields[0].Layer;
        _fields = new ResolvedInt64Field[fields.Length];
        for (var i = 0; i < fields.Length; i++)
            _fields[i] = new ResolvedInt64Field(fields[i].Id);
    }

    /// <summary>Values of the integer fields <paramref name="fields"/>.</summary>
    public static IntegerColumnReader ForIntegers(FieldDescriptor[] fields) => new(fields, FieldSlots.Integer(fields[0].Id));

    /// <summary>
    /// Reads the column for <paramref name="rows"/>; <paramref name="values"/>[i] is 0 where
    /// <paramref name="present"/>[i] is false. The spans are this reader's own buffers (the caller may convert in
    /// place), valid until the next call.
    /// </summary>
    public void Read(PacketBatch batch, ReadOnlySpan<int> rows, out Span<long> values, out Span<bool> present)
    {
        var v = _values.AsSpan(0, rows.Length);
        var p = _present.AsSpan(0, rows.Length);
        var packets = batch.Packets;
        if (_slot.Exists)
            FieldSlotReader.Read(in _slot, _layer, packets, rows, v, p);
        else
            ReadGeneral(in _fields[0], batch, rows, v, p);
        for (var f = 1; f < _fields.Length; f++)
        {
            for (var i = 0; i < rows.Length; i++)
            {
                if (!p[i])
                    p[i] = _fields[f].TryGet(in packets[rows[i]], batch.Frame(rows[i]), out v[i]);
            }
        }
        values = v;
        present = p;
    }

    private static void ReadGeneral(in ResolvedInt64Field field, PacketBatch batch, ReadOnlySpan<int> rows, Span<long> values, Span<bool> present)
    {
        var packets = batch.Packets;
        for (var i = 0; i < rows.Length; i++)
            present[i] = field.TryGet(in packets[rows[i]], batch.Frame(rows[i]), out values[i]);
    }
}
