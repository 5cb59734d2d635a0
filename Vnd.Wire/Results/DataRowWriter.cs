using System.Buffers;
using System.Buffers.Binary;
using Vnd.Wire.Protocol;
using Vnd.Wire.Protocol.Backend;
using Vnd.Wire.Types;

namespace Vnd.Wire.Results;

/// <summary>
/// Writes DataRow messages for one result. The engine calls <see cref="BeginRow"/>, one typed Write per column
/// (text or binary is chosen here from the column's requested format, so the engine never branches on it) and
/// <see cref="EndRow"/>. A row is assembled in a reused pooled buffer so its length word can be filled in last,
/// then copied into the pipe: no allocation per row or per value. An engine that frames whole batches of DataRows
/// itself writes them in place through <see cref="IFramedOutput"/> instead (between rows, never inside one).
/// </summary>
public sealed partial class DataRowWriter : IDisposable, IFramedOutput
{
    private readonly BackendWriter _output;
    private byte[] _buffer;
    private int _length;
    private PgRowDescription? _description;
    private bool[] _binary = [];
    private uint[] _types = [];
    private uint _elementType;
    private int _column = -1;
    private int _valueStart;

    // One-dimensional array being written into the current column (-1 = none).
    private int _arrayStart = -1;
    private int _arrayCount;
    private bool _arrayHasNull;

    public DataRowWriter(BackendWriter output, TimeZoneInfo timeZone)
    {
        _output = output;
        TimeZone = timeZone;
        _buffer = ArrayPool<byte>.Shared.Rent(4096);
    }

    /// <summary>Session time zone used for timestamptz text output.</summary>
    public TimeZoneInfo TimeZone { get; set; }

    /// <summary>Rows written since <see cref="Start"/>.</summary>
    public long RowCount { get; private set; }

    public PgRowDescription Description => _description ?? throw new InvalidOperationException("no result started");

    /// <summary>
    /// Begins a result: rows will be checked against this description's column count and formats. A row left
    /// half-written by a failed result is dropped here; it never left the row buffer, so the client saw nothing of it.
    /// </summary>
    public void Start(PgRowDescription description)
    {
        _description = description;
        _binary = description.BinaryColumns;
        _types = description.TypeOids;
        RowCount = 0;
        _column = -1;
        _arrayStart = -1;
        _length = 0;
    }

    public void BeginRow()
    {
        if (_column >= 0)
        {
            throw new InvalidOperationException("BeginRow called inside a row");
        }

        _length = 0;
        var header = Reserve(7);
        header[0] = (byte)BackendMessageCode.DataRow;
        BinaryPrimitives.WriteInt16BigEndian(header[5..], (short)Description.Count);
        _length = 7;
        _column = 0;
    }

    public void EndRow()
    {
        if (_column != Description.Count || _arrayStart >= 0)
        {
            throw new InvalidOperationException($"row has {_column} values, the result has {Description.Count} columns");
        }

        BinaryPrimitives.WriteInt32BigEndian(_buffer.AsSpan(1), _length - 1);
        _output.WriteRaw(_buffer.AsSpan(0, _length));
        _column = -1;
        RowCount++;
    }

    public Span<byte> GetSpan(int sizeHint)
    {
        if (_column >= 0)
        {
            throw new InvalidOperationException("framed rows written inside a row");
        }

        return _output.GetSpan(sizeHint);
    }

    public void Advance(int bytes, int rows)
    {
        _output.Advance(bytes);
        RowCount += rows;
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }

    private PgColumn CurrentColumn => Description[CheckedColumn];

    private int CheckedColumn => (uint)_column < (uint)_binary.Length
        ? _column
        : throw new InvalidOperationException("more values than columns in the row, or a value outside BeginRow/EndRow");

    private bool Binary => _binary[CheckedColumn];

    /// <summary>The type of the value being written: the column type, or its element type inside an array.</summary>
    private uint ValueType => _arrayStart >= 0 ? _elementType : _types[CheckedColumn];

    public void WriteNull()
    {
        if (_arrayStart >= 0)
        {
            _arrayHasNull = true;
            if (Binary)
            {
                BinaryPrimitives.WriteInt32BigEndian(Reserve(4), -1);
                _length += 4;
            }
            else
            {
                var span = BeginValue(4);
                "NULL"u8.CopyTo(span);
                _length += 4;
            }

            _arrayCount++;
            return;
        }

        _ = CheckedColumn;
        BinaryPrimitives.WriteInt32BigEndian(Reserve(4), -1);
        _length += 4;
        _column++;
    }

    /// <summary>
    /// Reserves room for a value of at most <paramref name="maxLength"/> bytes and returns where to write it. In
    /// binary (and for top-level values) the int32 length word goes first; inside a text array the separator.
    /// </summary>
    private Span<byte> BeginValue(int maxLength)
    {
        if (_arrayStart >= 0 && !Binary)
        {
            if (_arrayCount > 0)
            {
                Reserve(1)[0] = (byte)',';
                _length++;
            }

            _valueStart = _length;
            return Reserve(maxLength);
        }

        _ = CheckedColumn;
        Reserve(4 + maxLength);
        _length += 4;
        _valueStart = _length;
        return _buffer.AsSpan(_length, maxLength);
    }

    /// <summary>Completes the value begun by <see cref="BeginValue"/> with its actual length.</summary>
    private void EndValue(int written, bool mayNeedQuotes = false)
    {
        _length += written;
        if (_arrayStart >= 0)
        {
            if (Binary)
            {
                BinaryPrimitives.WriteInt32BigEndian(_buffer.AsSpan(_valueStart - 4), written);
            }
            else if (mayNeedQuotes)
            {
                QuoteArrayElement();
            }

            _arrayCount++;
            return;
        }

        BinaryPrimitives.WriteInt32BigEndian(_buffer.AsSpan(_valueStart - 4), written);
        _column++;
    }

    private Span<byte> Reserve(int count)
    {
        if (_length + count > _buffer.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, _length + count));
            _buffer.AsSpan(0, _length).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
        }

        return _buffer.AsSpan(_length, count);
    }
}
