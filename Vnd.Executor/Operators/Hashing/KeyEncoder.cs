using System.Runtime.InteropServices;
using Vnd.Executor.Vectors;

namespace Vnd.Executor.Operators.Hashing;

/// <summary>
/// Turns the key columns of a batch into one byte string and one hash per live row, column at a time (the
/// vectorised hashing of DuckDB's aggregate and join). Integers of every width are widened to 8 bytes so int4
/// and int8 keys meet by value; floats are normalised (-0 = 0, one NaN); numerics drop trailing zeros; intervals are
/// their span ('1 day 12:00:00' = '36:00:00', '1 mon' = '30 days', as PostgreSQL's interval_hash). With
/// <c>nullsAreValues</c> (GROUP BY, DISTINCT, set operations) each column carries a NULL flag so NULL keys group
/// together; otherwise (joins) a row with a NULL key is flagged in <see cref="HasNull"/> and matches nothing.
/// </summary>
public sealed class KeyEncoder
{
    private readonly PhysicalType[] _types;
    private readonly bool _nullsAreValues;
    private readonly int[] _lengths = new int[Batch.Capacity];
    private byte[] _keys;

    public KeyEncoder(IReadOnlyList<PhysicalType> types, bool nullsAreValues)
    {
        _types = [.. types];
        _nullsAreValues = nullsAreValues;
        FixedWidth = 0;
        foreach (var t in _types)
        {
            var w = Width(t);
            if (w < 0)
            {
                FixedWidth = -1;
                break;
            }
            FixedWidth += w + (nullsAreValues ? 1 : 0);
        }
        _keys = new byte[Math.Max(FixedWidth, 16) * Batch.Capacity];
    }

    /// <summary>Bytes per key when every column is fixed-width; -1 when keys vary in length.</summary>
    public int FixedWidth { get; }

    public int Count { get; private set; }

    public ulong[] Hashes { get; } = new ulong[Batch.Capacity];

    public bool[] HasNull { get; } = new bool[Batch.Capacity];

    /// <summary>Start of each key in the key buffer (Count + 1 entries).</summary>
    public int[] Offsets { get; } = new int[Batch.Capacity + 1];

    public ReadOnlySpan<byte> Key(int k) => _keys.AsSpan(Offsets[k], Offsets[k + 1] - Offsets[k]);

    /// <summary>
    /// Key k zero-padded into one ulong, for keys of at most 8 bytes (<see cref="FixedWidth"/> 1–8): what
    /// <see cref="KeyTable"/> keeps inline, read straight from the key buffer without a span copy. The buffer has at
    /// least 16 bytes per row, so reading 8 bytes at any key's start stays inside it.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public ulong Packed(int k) =>
        System.Runtime.CompilerServices.Unsafe.ReadUnaligned<ulong>(ref _keys[k * FixedWidth]) & (ulong.MaxValue >> (64 - (8 * FixedWidth)));

    /// <summary>Encodes the rows <paramref name="rows"/> of <paramref name="columns"/>; key k belongs to rows[k].</summary>
    public void Encode(ReadOnlySpan<Vector> columns, ReadOnlySpan<int> rows)
    {
        var n = rows.Length;
        Count = n;
        Hashes.AsSpan(0, n).Fill(Hash.Seed);
        HasNull.AsSpan(0, n).Clear();
        ComputeOffsets(columns, rows);
        var positions = _lengths.AsSpan(0, n);
        for (var k = 0; k < n; k++)
            positions[k] = Offsets[k];
        for (var c = 0; c < columns.Length; c++)
            EncodeColumn(columns[c], _types[c], rows, positions);
        for (var k = 0; k < n; k++)
            Hashes[k] = Hash.Finish(Hashes[k]);
    }

    private void ComputeOffsets(ReadOnlySpan<Vector> columns, ReadOnlySpan<int> rows)
    {
        var n = rows.Length;
        if (FixedWidth >= 0)
        {
            for (var k = 0; k <= n; k++)
                Offsets[k] = k * FixedWidth;
            return;
        }
        var lengths = _lengths.AsSpan(0, n);
        lengths.Clear();
        for (var c = 0; c < columns.Length; c++)
        {
            var w = Width(_types[c]);
            var flag = _nullsAreValues ? 1 : 0;
            if (w >= 0)
            {
                for (var k = 0; k < n; k++)
                    lengths[k] += w + flag;
                continue;
            }
            var v = columns[c];
            for (var k = 0; k < n; k++)
                lengths[k] += flag + 4 + (v.IsNull(rows[k]) ? 0 : v.GetBytes(rows[k]).Length);
        }
        var total = 0;
        for (var k = 0; k < n; k++)
        {
            Offsets[k] = total;
            total += lengths[k];
        }
        Offsets[n] = total;
        if (total > _keys.Length)
            _keys = new byte[Math.Max(total, _keys.Length * 2)];
    }

    private void EncodeColumn(Vector v, PhysicalType type, ReadOnlySpan<int> rows, Span<int> positions)
    {
        if (!v.IsConstant && v.Validity.AllValid && type is PhysicalType.Int16 or PhysicalType.Int32 or PhysicalType.Int64 or PhysicalType.Inet4)
        {
            switch (type)
            {
                case PhysicalType.Inet4: EncodeInet4(v, rows, positions); break;
                case PhysicalType.Int16: EncodeIntegers<short>(v, rows, positions); break;
                case PhysicalType.Int32: EncodeIntegers<int>(v, rows, positions); break;
                default: EncodeIntegers<long>(v, rows, positions); break;
            }
            return;
        }
        var keys = _keys.AsSpan();
        var stride = v.IsConstant ? 0 : 1;
        for (var k = 0; k < rows.Length; k++)
        {
            var row = rows[k] * stride;
            ref var pos = ref positions[k];
            var valid = v.Validity.IsValid(row);
            if (_nullsAreValues)
                keys[pos++] = valid ? (byte)0 : (byte)1;
            if (!valid)
            {
                HasNull[k] = true;
                Hashes[k] = Hash.Combine(Hashes[k], Hash.NullHash);
                var w = Width(type);
                keys.Slice(pos, w < 0 ? 4 : w).Clear();
                pos += w < 0 ? 4 : w;
                continue;
            }
            switch (type)
            {
                case PhysicalType.Bool: Put(keys, ref pos, ref Hashes[k], (ulong)v.Data<byte>()[row], 1); break;
                case PhysicalType.Int16: Put(keys, ref pos, ref Hashes[k], (ulong)(long)v.Data<short>()[row], 8); break;
                case PhysicalType.Int32: Put(keys, ref pos, ref Hashes[k], (ulong)(long)v.Data<int>()[row], 8); break;
                case PhysicalType.Int64: Put(keys, ref pos, ref Hashes[k], (ulong)v.Data<long>()[row], 8); break;
                case PhysicalType.MacAddr: Put(keys, ref pos, ref Hashes[k], v.Data<ulong>()[row], 8); break;
                case PhysicalType.Inet4: Put(keys, ref pos, ref Hashes[k], v.Data<uint>()[row], 4); break;
                case PhysicalType.Float64: Put(keys, ref pos, ref Hashes[k], NormalizeDouble(v.Data<double>()[row]), 8); break;
                case PhysicalType.Decimal: PutStruct(keys, ref pos, ref Hashes[k], NumericKey.Canonical(v.Data<decimal>()[row])); break;
                case PhysicalType.Interval: PutStruct(keys, ref pos, ref Hashes[k], v.Data<PgInterval>()[row].TotalMicros); break;
                case PhysicalType.Inet:
                    var inet = v.Data<InetValue>()[row];
                    Put(keys, ref pos, ref Hashes[k], inet.High, 8);
                    Put(keys, ref pos, ref Hashes[k], inet.Low, 8);
                    Put(keys, ref pos, ref Hashes[k], inet.Prefix, 1);
                    Put(keys, ref pos, ref Hashes[k], inet.IsV6 ? 1UL : 0UL, 1);
                    break;
                default:
                    var bytes = v.GetBytes(row);
                    MemoryMarshal.Write(keys[pos..], bytes.Length);
                    bytes.CopyTo(keys[(pos + 4)..]);
                    pos += 4 + bytes.Length;
                    Hashes[k] = Hash.Combine(Hashes[k], Hash.Bytes(bytes));
                    break;
            }
        }
    }

    /// <summary>The common case of an integer key column without NULLs: one tight loop, no per-row switch.</summary>
    private void EncodeIntegers<T>(Vector v, ReadOnlySpan<int> rows, Span<int> positions) where T : unmanaged, System.Numerics.IBinaryInteger<T>
    {
        var data = v.Data<T>();
        var keys = _keys.AsSpan();
        var hashes = Hashes.AsSpan(0, rows.Length);
        var flag = _nullsAreValues ? 1 : 0;
        for (var k = 0; k < rows.Length; k++)
        {
            var value = long.CreateTruncating(data[rows[k]]);
            var pos = positions[k];
            if (flag != 0)
                keys[pos] = 0;
            MemoryMarshal.Write(keys[(pos + flag)..], value);
            positions[k] = pos + flag + 8;
            hashes[k] = Hash.Combine(hashes[k], (ulong)value);
        }
    }

    /// <summary>IPv4 addresses without NULLs (GROUP BY src_ip): 4 bytes each, hashed as Put would.</summary>
    private void EncodeInet4(Vector v, ReadOnlySpan<int> rows, Span<int> positions)
    {
        var data = v.Data<uint>();
        var keys = _keys.AsSpan();
        var hashes = Hashes.AsSpan(0, rows.Length);
        var flag = _nullsAreValues ? 1 : 0;
        for (var k = 0; k < rows.Length; k++)
        {
            var value = data[rows[k]];
            var pos = positions[k];
            if (flag != 0)
                keys[pos] = 0;
            MemoryMarshal.Write(keys[(pos + flag)..], value);
            positions[k] = pos + flag + 4;
            hashes[k] = Hash.Combine(hashes[k], value);
        }
    }

    private static void Put(Span<byte> keys, ref int pos, ref ulong hash, ulong value, int width)
    {
        switch (width)
        {
            case 1: keys[pos] = (byte)value; break;
            case 4: MemoryMarshal.Write(keys[pos..], (uint)value); break;
            default: MemoryMarshal.Write(keys[pos..], value); break;
        }
        pos += width;
        hash = Hash.Combine(hash, value);
    }

    private static void PutStruct<T>(Span<byte> keys, ref int pos, ref ulong hash, T value) where T : unmanaged
    {
        var bytes = MemoryMarshal.AsBytes(new ReadOnlySpan<T>(in value));
        bytes.CopyTo(keys[pos..]);
        pos += bytes.Length;
        hash = Hash.Combine(hash, Hash.Bytes(bytes));
    }

    private static ulong NormalizeDouble(double d) =>
        d == 0 ? 0UL : double.IsNaN(d) ? 0x7FF8000000000000UL : (ulong)BitConverter.DoubleToInt64Bits(d);

    /// <summary>Encoded bytes of one value, or -1 for variable-length values.</summary>
    public static int Width(PhysicalType type) => type switch
    {
        PhysicalType.Bool => 1,
        PhysicalType.Int16 or PhysicalType.Int32 or PhysicalType.Int64 or PhysicalType.Float64 or PhysicalType.MacAddr => 8,
        PhysicalType.Inet4 => 4,
        PhysicalType.Decimal or PhysicalType.Interval => 16,
        PhysicalType.Inet => 18,
        _ => -1,
    };
}
