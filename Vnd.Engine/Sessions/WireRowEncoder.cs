using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using Vnd.Executor.Vectors;
using Vnd.Planner.Types;
using Vnd.Wire.Results;

namespace Vnd.Engine.Sessions;

/// <summary>
/// Writes the rows of a batch as complete DataRow or CopyData messages straight into the connection's output
/// buffer. Everything that depends only on the result (per-column kind and format, bounds, the zone's offset, COPY
/// escaping) is worked out once here; per value there is one switch on the column's kind, one typed read from the
/// vector and a write into the span: no allocation, no virtual call, no intermediate row buffer.
/// </summary>
public sealed partial class WireRowEncoder
{
    /// <summary>Output is requested in chunks this large, so a batch costs a few pipe calls rather than one per row.</summary>
    private const int ChunkBytes = 64 * 1024;

    /// <summary>Room per variable-length value beyond its bytes: length word, hex prefix, quotes.</summary>
    private const int VariableOverhead = 8;

    private readonly ColumnKind[] _kinds;
    private readonly bool[] _binary;
    private readonly bool[] _cidr;
    private readonly bool[] _float4;
    private readonly bool[] _escape;
    private readonly int[] _variable;
    private readonly Vector[] _vectors;
    private readonly ArrayColumn?[] _arrays;
    private readonly RowFraming _framing;
    private readonly int _fixedBound;
    private readonly byte _delimiter;
    private readonly byte[] _null;
    private readonly SearchValues<byte>? _special;
    private readonly TimeZoneInfo _zone;
    private readonly long? _fixedOffset;
    private readonly byte[] _offsetText = new byte[16];
    private readonly int _offsetLength;
    private byte[]? _prefix;

    /// <param name="binary">Per column: binary format (DataRow only; binary COPY is binary throughout, text COPY text).</param>
    /// <param name="format">COPY options for text and CSV framing.</param>
    public WireRowEncoder(ResultShape shape, ReadOnlySpan<bool> binary, RowFraming framing, TimeZoneInfo zone, CopyFormat? format = null)
    {
        var count = shape.Kinds.Length;
        _kinds = shape.Kinds;
        _cidr = shape.Cidr;
        _framing = framing;
        _zone = zone;
        _binary = new bool[count];
        _float4 = new bool[count];
        _escape = new bool[count];
        _vectors = new Vector[count];
        _arrays = new ArrayColumn?[count];
        _delimiter = format?.Delimiter ?? (byte)'\t';
        _null = format?.Null ?? [];
        var copyText = framing is RowFraming.CopyText or RowFraming.CopyCsv;
        if (copyText)
            _special = framing == RowFraming.CopyCsv ? SearchValues.Create([(byte)'"', (byte)'\n', (byte)'\r', _delimiter])
                : SearchValues.Create([(byte)'\\', (byte)'\n', (byte)'\r', (byte)'\t', (byte)'\b', (byte)'\f', (byte)'\v', _delimiter]);
        var variable = new List<int>();
        _fixedBound = 7 /* message header + int16 count, or header + newline */;
        for (var c = 0; c < count; c++)
        {
            _binary[c] = framing == RowFraming.CopyBinary || (framing == RowFraming.DataRow && binary[c]);
            _float4[c] = shape.Types[c].Id == TypeId.Float4;
            var kind = _kinds[c];
            _escape[c] = copyText && (kind is ColumnKind.Text or ColumnKind.Jsonb or ColumnKind.Bytea or ColumnKind.Interval or ColumnKind.Array or ColumnKind.Unsupported
                                      || DelimiterMayAppear(_delimiter));
            if (kind is ColumnKind.Text or ColumnKind.Jsonb or ColumnKind.Bytea or ColumnKind.Array)
                variable.Add(c);
            if (kind == ColumnKind.Array)
                _arrays[c] = new ArrayColumn(shape.Types[c].Element!);
            // Escaping or quoting at most doubles a value and adds two quotes.
            _fixedBound += 4 + 1 + (2 * Math.Max(_null.Length, MaxFixedLength(kind))) + 2;
        }
        _variable = [.. variable];
        _widths = ColumnarWidths();
        if (zone.GetAdjustmentRules().Length == 0)
        {
            // No rules: the offset never changes, so it is applied and printed the same for every value.
            _fixedOffset = zone.BaseUtcOffset.Ticks;
            _offsetLength = Vnd.Wire.Types.PgTextFormat.Offset(zone.BaseUtcOffset, _offsetText);
        }
    }

    /// <summary>The zone this encoder prints timestamptz in; a result re-creates its encoder when the session's changes.</summary>
    public TimeZoneInfo Zone => _zone;

    /// <summary>The row description (with Bind's formats) a DataRow encoder was made for.</summary>
    public PgRowDescription? Formats { get; init; }

    /// <summary>
    /// Bytes to put inside the next row's message before its tuple: binary COPY's header travels in the first
    /// row's CopyData, as PostgreSQL sends it (Npgsql's exporter reads the header and first row from one message).
    /// </summary>
    public void PrefixFirstRow(ReadOnlySpan<byte> prefix) => _prefix = prefix.ToArray();

    /// <summary>True while the prefix waits for a row (a result without rows sends it with the trailer).</summary>
    public bool PrefixPending => _prefix is not null;

    /// <summary>Writes <paramref name="rows"/> of <paramref name="batch"/>, one message each, and commits them.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Write(Batch batch, ReadOnlySpan<int> rows, IFramedOutput output)
    {
        if (_widths is not null && _prefix is null && !RowAtATime)
        {
            WriteColumnar(batch, rows, output);
            return;
        }
        for (var c = 0; c < _vectors.Length; c++)
            _vectors[c] = batch[c];
        var span = output.GetSpan(ChunkBytes);
        var at = 0;
        var pending = 0;
        try
        {
            foreach (var row in rows)
            {
                var bound = RowBound(row) + (_prefix?.Length ?? 0);
                if (span.Length - at < bound)
                {
                    output.Advance(at, pending);
                    span = output.GetSpan(Math.Max(ChunkBytes, bound));
                    at = 0;
                    pending = 0;
                }
                at += _framing is RowFraming.CopyText or RowFraming.CopyCsv ? WriteLine(row, span[at..]) : WriteTuple(row, span[at..]);
                pending++;
            }
        }
        finally
        {
            // Rows completed before an error are sent, as PostgreSQL sends the rows it produced before failing.
            output.Advance(at, pending);
            Array.Clear(_vectors);
        }
    }

    /// <summary>DataRow or binary COPY tuple: code, int32 length, int16 count, then per column int32 length + value.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int WriteTuple(int row, Span<byte> span)
    {
        span[0] = _framing == RowFraming.DataRow ? (byte)'D' : (byte)'d';
        var at = 5;
        if (_prefix is not null)
        {
            _prefix.CopyTo(span[at..]);
            at += _prefix.Length;
            _prefix = null;
        }
        BinaryPrimitives.WriteInt16BigEndian(span[at..], (short)_vectors.Length);
        at += 2;
        for (var c = 0; c < _vectors.Length; c++)
        {
            var vector = _vectors[c];
            if (vector.IsNull(row))
            {
                BinaryPrimitives.WriteInt32BigEndian(span[at..], -1);
                at += 4;
                continue;
            }
            var value = span[(at + 4)..];
            var length = _binary[c] ? WriteBinary(c, vector, row, value) : WriteText(c, vector, row, value);
            BinaryPrimitives.WriteInt32BigEndian(span[at..], length);
            at += 4 + length;
        }
        BinaryPrimitives.WriteInt32BigEndian(span[1..], at - 1);
        return at;
    }

    /// <summary>Text or CSV COPY line in a CopyData message.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int WriteLine(int row, Span<byte> span)
    {
        span[0] = (byte)'d';
        var at = 5;
        for (var c = 0; c < _vectors.Length; c++)
        {
            if (c > 0)
                span[at++] = _delimiter;
            var vector = _vectors[c];
            if (vector.IsNull(row))
            {
                _null.CopyTo(span[at..]);
                at += _null.Length;
                continue;
            }
            var length = WriteText(c, vector, row, span[at..]);
            if (_escape[c])
                length = _framing == RowFraming.CopyCsv ? Quote(span[at..], length) : Escape(span[at..], length);
            at += length;
        }
        span[at++] = (byte)'\n';
        BinaryPrimitives.WriteInt32BigEndian(span[1..], at - 1);
        return at;
    }

    /// <summary>Text COPY: backslash escapes in place (the span has room for the value twice over).</summary>
    private int Escape(Span<byte> span, int length)
    {
        var first = span[..length].IndexOfAny(_special!);
        if (first < 0)
            return length;
        var extra = CountSpecial(span[first..length]);
        var write = length + extra;
        for (var read = length - 1; read >= first; read--)
        {
            var b = span[read];
            var escape = EscapeOf(b);
            if (escape == 0)
            {
                span[--write] = b;
                continue;
            }
            span[--write] = escape;
            span[--write] = (byte)'\\';
        }
        return length + extra;
    }

    /// <summary>CSV: quoted when empty or holding a quote, newline or the delimiter; quotes doubled.</summary>
    private int Quote(Span<byte> span, int length)
    {
        var first = span[..length].IndexOfAny(_special!);
        if (first < 0 && length > 0)
            return length;
        var quotes = first < 0 ? 0 : span[first..length].Count((byte)'"');
        var total = length + quotes + 2;
        var write = total;
        span[--write] = (byte)'"';
        for (var read = length - 1; read >= 0; read--)
        {
            span[--write] = span[read];
            if (span[read] == '"')
                span[--write] = (byte)'"';
        }
        span[0] = (byte)'"';
        return total;
    }

    private int CountSpecial(ReadOnlySpan<byte> value)
    {
        var count = 0;
        foreach (var b in value)
        {
            if (EscapeOf(b) != 0)
                count++;
        }
        return count;
    }

    private byte EscapeOf(byte b) => b switch
    {
        (byte)'\\' => (byte)'\\',
        (byte)'\n' => (byte)'n',
        (byte)'\r' => (byte)'r',
        (byte)'\t' => (byte)'t',
        (byte)'\b' => (byte)'b',
        (byte)'\f' => (byte)'f',
        (byte)'\v' => (byte)'v',
        _ => b == _delimiter ? b : (byte)0,
    };

    /// <summary>Bytes one row can take at most: fixed columns' bounds plus the variable ones' actual lengths.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int RowBound(int row)
    {
        var bound = _fixedBound;
        foreach (var c in _variable)
        {
            var vector = _vectors[c];
            if (!vector.IsNull(row))
                bound += VariableOverhead + (_arrays[c] is null ? 4 * vector.GetBytes(row).Length : ArrayBound(c, vector.GetBytes(row)));
        }
        return bound;
    }

    /// <summary>
    /// Whether a COPY delimiter could occur inside a number, timestamp, address or interval's text, which would
    /// then need escaping or quoting too (the default tab and comma never do).
    /// </summary>
    private static bool DelimiterMayAppear(byte delimiter) =>
        char.IsAsciiLetterOrDigit((char)delimiter) || delimiter is (byte)'-' or (byte)'+' or (byte)'.' or (byte)':' or (byte)'/' or (byte)' ';
}
