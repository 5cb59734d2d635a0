using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Vnd.Executor.Vectors;
using Vnd.Wire.Results;

namespace Vnd.Engine.Sessions;

public sealed partial class WireRowEncoder
{
    /// <summary>Per column: its binary width when every column of the result has a fixed one (0: the row path).</summary>
    private readonly int[]? _widths;

    /// <summary>Per row of the chunk being written: where its next value goes.</summary>
    private int[] _cursors = [];

    /// <summary>
    /// Forces the row-at-a-time path: the reference the column-at-a-time one is checked against in tests.
    /// </summary>
    public bool RowAtATime { get; init; }

    /// <summary>
    /// Binary DataRows or binary COPY tuples of a result whose columns all have a fixed binary width (integers,
    /// floats, booleans, dates, timestamps, IPv4 addresses, MAC addresses: a trace table's usual columns), written a
    /// column at a time. Every row's length is known before any value is written (a NULL takes 4 bytes, a value
    /// 4 + width), so the headers go first and then each column is one tight loop over its typed values: no
    /// per-value switch on the kind and no per-value validity or constant check when the vector has none. Profiled
    /// under an Npgsql read of 10M rows, the row path (switch, <c>Vector.Get</c>, <c>IsNull</c> per value) was 45%
    /// of the server's CPU, which on a small machine is CPU the client reading the rows does not get.
    /// </summary>
    private void WriteColumnar(Batch batch, ReadOnlySpan<int> rows, IFramedOutput output)
    {
        var widths = _widths!;
        var fixedLength = 7 + (4 * widths.Length);
        foreach (var width in widths)
            fixedLength += width;
        var first = 0;
        while (first < rows.Length)
        {
            var span = output.GetSpan(Math.Max(ChunkBytes, fixedLength));
            var count = Math.Min(rows.Length - first, span.Length / fixedLength);
            var chunk = rows.Slice(first, count);
            if (_cursors.Length < count)
                _cursors = new int[Math.Max(count, Batch.Capacity)];
            var cursors = _cursors.AsSpan(0, count);
            int used;
            if (AllValid(batch, widths.Length))
            {
                // No NULLs: every row has the same layout, so column c of row i sits at a fixed stride and offset;
                // no per-row cursor is read or written.
                used = DenseHeaders(chunk.Length, span, fixedLength);
                var offset = 7;
                for (var c = 0; c < widths.Length; c++)
                {
                    WriteColumn(c, batch[c], chunk, span, cursors, offset, fixedLength);
                    offset += 4 + widths[c];
                }
            }
            else
            {
                used = Headers(batch, chunk, span, cursors, fixedLength);
                for (var c = 0; c < widths.Length; c++)
                    WriteColumn(c, batch[c], chunk, span, cursors, 0, 0);
            }
            output.Advance(used, count);
            first += count;
        }
    }

    private static bool AllValid(Batch batch, int columns)
    {
        for (var c = 0; c < columns; c++)
        {
            if (!batch[c].Validity.AllValid)
                return false;
        }
        return true;
    }

    /// <summary>The message headers of <paramref name="rows"/> rows without NULLs, all <paramref name="length"/> bytes long.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int DenseHeaders(int rows, Span<byte> span, int length)
    {
        var code = _framing == RowFraming.DataRow ? (byte)'D' : (byte)'d';
        var columns = (short)_widths!.Length;
        // The 7 header bytes are the same for every row: one 8-byte store each, whose 8th byte (the first of the
        // row's first value, length >= 12) the column loop overwrites afterwards.
        Span<byte> header = stackalloc byte[8];
        header[0] = code;
        BinaryPrimitives.WriteInt32BigEndian(header[1..], length - 1);
        BinaryPrimitives.WriteInt16BigEndian(header[5..], columns);
        var word = Unsafe.ReadUnaligned<long>(ref header[0]);
        if (length < 8 || (long)rows * length > span.Length)
            throw new ArgumentOutOfRangeException(nameof(rows), "the chunk is too small for its rows");
        ref var at = ref MemoryMarshal.GetReference(span);
        for (var i = 0; i < rows; i++)
        {
            Unsafe.WriteUnaligned(ref at, word);
            at = ref Unsafe.Add(ref at, length);
        }
        return rows * length;
    }

    /// <summary>Writes each row's message header and returns the chunk's bytes; rows with NULLs are shorter. The
    /// lengths are worked out a column at a time in <paramref name="cursors"/> (only columns that have NULLs are
    /// visited), so a result without NULLs costs one store loop instead of a validity check per row and column.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int Headers(Batch batch, ReadOnlySpan<int> rows, Span<byte> span, Span<int> cursors, int fixedLength)
    {
        var code = _framing == RowFraming.DataRow ? (byte)'D' : (byte)'d';
        var columns = (short)_widths!.Length;
        cursors.Fill(fixedLength);
        for (var c = 0; c < _widths.Length; c++)
        {
            var vector = batch[c];
            if (vector.Validity.AllValid)
                continue;
            var width = _widths[c];
            for (var i = 0; i < rows.Length; i++)
            {
                if (vector.IsNull(rows[i]))
                    cursors[i] -= width;
            }
        }
        var at = 0;
        for (var i = 0; i < rows.Length; i++)
        {
            var length = cursors[i];
            span[at] = code;
            BinaryPrimitives.WriteInt32BigEndian(span[(at + 1)..], length - 1);
            BinaryPrimitives.WriteInt16BigEndian(span[(at + 5)..], columns);
            cursors[i] = at + 7;
            at += length;
        }
        return at;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void WriteColumn(int column, Vector vector, ReadOnlySpan<int> rows, Span<byte> span, Span<int> cursors, int offset, int stride)
    {
        switch (_kinds[column])
        {
            case ColumnKind.Bool:
                Column<byte, BoolSend>(vector, rows, span, cursors, 1, offset, stride);
                break;
            case ColumnKind.Int16:
                Column<short, Int16Send>(vector, rows, span, cursors, 2, offset, stride);
                break;
            case ColumnKind.Int32 or ColumnKind.Oid:
                Column<int, Int32Send>(vector, rows, span, cursors, 4, offset, stride);
                break;
            case ColumnKind.Int64 or ColumnKind.Time:
                Column<long, Int64Send>(vector, rows, span, cursors, 8, offset, stride);
                break;
            case ColumnKind.Float when _float4[column]:
                Column<double, Float4Send>(vector, rows, span, cursors, 4, offset, stride);
                break;
            case ColumnKind.Float:
                Column<double, Float8Send>(vector, rows, span, cursors, 8, offset, stride);
                break;
            case ColumnKind.Date:
                Column<int, DateSend>(vector, rows, span, cursors, 4, offset, stride);
                break;
            case ColumnKind.TimestampMicros or ColumnKind.TimestampTzMicros:
                Column<long, MicrosSend>(vector, rows, span, cursors, 8, offset, stride);
                break;
            case ColumnKind.TimestampNanos or ColumnKind.TimestampTzNanos:
                Column<long, NanosSend>(vector, rows, span, cursors, 8, offset, stride);
                break;
            case ColumnKind.Inet4:
                Column<uint, Inet4Send>(vector, rows, span, cursors, 8, offset, stride);
                break;
            case ColumnKind.MacAddr:
                Column<ulong, MacAddrSend>(vector, rows, span, cursors, 6, offset, stride);
                break;
            default:
                throw new InvalidOperationException($"column kind {_kinds[column]} has no fixed binary width");
        }
    }

    /// <summary>One column's values (or -1 for NULL) at each row's cursor, which moves past them; with a
    /// <paramref name="stride"/> (a chunk without NULLs) row i's value goes at offset + i * stride instead. The
    /// chunk was sized for these rows (at most stride bytes each; with cursors, each row's own length), which is
    /// checked once here, so the stores go through references without a bounds check each.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Column<T, TSend>(Vector vector, ReadOnlySpan<int> rows, Span<byte> span, Span<int> cursors, int width, int offset, int stride)
        where T : unmanaged
        where TSend : struct, IBinarySend<T>
    {
        ReadOnlySpan<T> data = vector.Data<T>();
        var constant = vector.IsConstant;
        ref var start = ref MemoryMarshal.GetReference(span);
        if (stride > 0)
        {
            if (rows.IsEmpty)
                return;
            if (offset + 4 + width > stride || (long)rows.Length * stride > span.Length)
                throw new ArgumentOutOfRangeException(nameof(rows), "the chunk is too small for its rows");
            ref var at = ref Unsafe.Add(ref start, offset);
            if (!constant && Batch.IsIdentity(rows))
            {
                // A dense batch (a scan's): row i's value is data[i], read in order.
                foreach (var value in data[..rows.Length])
                {
                    Store(ref at, width);
                    TSend.Write(value, ref Unsafe.Add(ref at, 4));
                    at = ref Unsafe.Add(ref at, stride);
                }
                return;
            }
            for (var i = 0; i < rows.Length; i++)
            {
                Store(ref at, width);
                TSend.Write(data[constant ? 0 : rows[i]], ref Unsafe.Add(ref at, 4));
                at = ref Unsafe.Add(ref at, stride);
            }
            return;
        }
        var validity = vector.Validity;
        var allValid = validity.AllValid;
        for (var i = 0; i < rows.Length; i++)
        {
            var row = constant ? 0 : rows[i];
            var at = cursors[i];
            if (!allValid && validity.IsNull(row))
            {
                BinaryPrimitives.WriteInt32BigEndian(span[at..], -1);
                cursors[i] = at + 4;
                continue;
            }
            // The row's header gave it room for this value, so its 4 + width bytes lie within the span.
            if ((uint)(at + 4 + width) > (uint)span.Length)
                throw new ArgumentOutOfRangeException(nameof(cursors), "a row's value lies beyond its chunk");
            Store(ref Unsafe.Add(ref start, at), width);
            TSend.Write(data[row], ref Unsafe.Add(ref start, at + 4));
            cursors[i] = at + 4 + width;
        }
    }

    /// <summary>The fixed binary width of a column's values, or 0 when it varies (text, numeric, IPv6-capable inet…).</summary>
    private static int FixedBinaryWidth(ColumnKind kind, bool float4) => kind switch
    {
        ColumnKind.Bool => 1,
        ColumnKind.Int16 => 2,
        ColumnKind.Int32 or ColumnKind.Oid or ColumnKind.Date => 4,
        ColumnKind.Float => float4 ? 4 : 8,
        ColumnKind.Int64 or ColumnKind.Time or ColumnKind.TimestampMicros or ColumnKind.TimestampTzMicros
            or ColumnKind.TimestampNanos or ColumnKind.TimestampTzNanos => 8,
        ColumnKind.Inet4 => 8,
        ColumnKind.MacAddr => 6,
        _ => 0,
    };

    /// <summary>The widths when the result can be written column at a time (all binary, all fixed), else null.</summary>
    private int[]? ColumnarWidths()
    {
        if (_framing is not (RowFraming.DataRow or RowFraming.CopyBinary) || _kinds.Length == 0)
            return null;
        var widths = new int[_kinds.Length];
        for (var c = 0; c < widths.Length; c++)
        {
            // An IPv4-only cidr column does not occur (cidr types are family-less); it would take the row path.
            widths[c] = _binary[c] && !_cidr[c] ? FixedBinaryWidth(_kinds[c], _float4[c]) : 0;
            if (widths[c] == 0)
                return null;
        }
        return widths;
    }
}
