using System.Buffers.Binary;
using Vnd.Executor.Vectors;

namespace Vnd.Executor.Operators.Sorting;

/// <summary>
/// Encodes ORDER BY keys into byte strings whose plain byte order is the requested row order (DuckDB's radix-sort
/// normalised keys): a NULL-position byte, then the value big-endian with the sign flipped (integers), the IEEE
/// trick (floats), or escaped and 0-terminated (text); DESC inverts the value bytes. Sorting then only compares
/// bytes, whatever the key types.
/// </summary>
public sealed class SortKeyEncoder
{
    private readonly SortKey[] _keys;
    private readonly PhysicalType[] _types;

    public SortKeyEncoder(IReadOnlyList<SortKey> keys)
    {
        _keys = [.. keys];
        // Arrays order element by element in PostgreSQL; their layout bytes would sort by count first. Refused
        // rather than answered in the wrong order.
        if (keys.Any(k => k.Expression.Type.Id == Vnd.Planner.Types.TypeId.Array))
            throw new ExecutionException(Vnd.Planner.Errors.SqlState.FeatureNotSupported, "ordering by an array is not supported");
        _types = keys.Select(k => k.Expression.PhysicalType).ToArray();
        FixedWidth = 0;
        foreach (var t in _types)
        {
            var w = Width(t);
            if (w < 0)
            {
                FixedWidth = -1;
                break;
            }
            FixedWidth += w + 1;
        }
    }

    public int FixedWidth { get; }

    /// <summary>Appends the key of each row to <paramref name="output"/>, recording each key's end.</summary>
    public void Encode(ReadOnlySpan<Vector> columns, ReadOnlySpan<int> rows, List<byte> output, List<int> ends)
    {
        Span<byte> scratch = stackalloc byte[40];
        foreach (var row in rows)
        {
            for (var c = 0; c < columns.Length; c++)
            {
                var v = columns[c];
                var key = _keys[c];
                var valid = v.IsValid(row);
                output.Add(valid == key.NullsFirstEffective ? (byte)1 : (byte)0);
                var start = output.Count;
                if (_types[c] == PhysicalType.VarBytes)
                {
                    if (valid)
                    {
                        foreach (var b in v.GetBytes(row))
                        {
                            if (b <= 1)
                            {
                                output.Add(1);
                                output.Add((byte)(b + 1));
                            }
                            else
                            {
                                output.Add(b);
                            }
                        }
                    }
                    output.Add(0);
                }
                else
                {
                    var w = Width(_types[c]);
                    var value = scratch[..w];
                    value.Clear();
                    if (valid)
                        WriteFixed(v, row, _types[c], value);
                    foreach (var b in value)
                        output.Add(b);
                }
                if (key.Descending && valid)
                {
                    for (var i = start; i < output.Count; i++)
                        output[i] = (byte)~output[i];
                }
            }
            ends.Add(output.Count);
        }
    }

    private static void WriteFixed(Vector v, int row, PhysicalType type, Span<byte> d)
    {
        switch (type)
        {
            case PhysicalType.Bool: d[0] = v.Get<byte>(row); break;
            case PhysicalType.Int16: BinaryPrimitives.WriteUInt64BigEndian(d, (ulong)(v.Get<short>(row) ^ long.MinValue)); break;
            case PhysicalType.Int32: BinaryPrimitives.WriteUInt64BigEndian(d, (ulong)(v.Get<int>(row) ^ long.MinValue)); break;
            case PhysicalType.Int64: BinaryPrimitives.WriteUInt64BigEndian(d, (ulong)(v.Get<long>(row) ^ long.MinValue)); break;
            case PhysicalType.MacAddr: BinaryPrimitives.WriteUInt64BigEndian(d, v.Get<ulong>(row)); break;
            case PhysicalType.Inet4: BinaryPrimitives.WriteUInt32BigEndian(d, v.Get<uint>(row)); break;
            case PhysicalType.Float64:
                var x = v.Get<double>(row);
                var bits = x == 0 ? 0L : double.IsNaN(x) ? 0x7FF8000000000000L : BitConverter.DoubleToInt64Bits(x);
                BinaryPrimitives.WriteUInt64BigEndian(d, bits < 0 ? ~(ulong)bits : (ulong)bits | 0x8000000000000000UL);
                break;
            case PhysicalType.Decimal:
                var m = v.Get<decimal>(row);
                var whole = Math.Truncate(m);
                WriteInt128(d, (Int128)whole);
                WriteInt128(d[16..], (Int128)((m - whole) * 10_000_000_000_000_000_000_000_000m));
                break;
            case PhysicalType.Interval: WriteInt128(d, v.Get<PgInterval>(row).TotalMicros); break;
            case PhysicalType.Inet:
                // InetValue's order: family, network part, prefix length, whole address.
                var inet = v.Get<InetValue>(row);
                var network = inet.MaskedTo(inet.Prefix);
                d[0] = inet.IsV6 ? (byte)1 : (byte)0;
                BinaryPrimitives.WriteUInt64BigEndian(d[1..], network.High);
                BinaryPrimitives.WriteUInt64BigEndian(d[9..], network.Low);
                d[17] = inet.Prefix;
                BinaryPrimitives.WriteUInt64BigEndian(d[18..], inet.High);
                BinaryPrimitives.WriteUInt64BigEndian(d[26..], inet.Low);
                break;
            default: throw new ArgumentOutOfRangeException(nameof(type));
        }
    }

    private static void WriteInt128(Span<byte> d, Int128 value) =>
        BinaryPrimitives.WriteUInt128BigEndian(d, (UInt128)(value ^ Int128.MinValue));

    private static int Width(PhysicalType type) => type switch
    {
        PhysicalType.Bool => 1,
        PhysicalType.Inet4 => 4,
        PhysicalType.Int16 or PhysicalType.Int32 or PhysicalType.Int64 or PhysicalType.Float64 or PhysicalType.MacAddr => 8,
        PhysicalType.Interval => 16,
        PhysicalType.Inet => 34,
        PhysicalType.Decimal => 32,
        _ => -1,
    };
}
