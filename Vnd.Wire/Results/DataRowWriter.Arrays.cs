using System.Buffers.Binary;
using Vnd.Wire.Types;

namespace Vnd.Wire.Results;

public sealed partial class DataRowWriter
{
    /// <summary>
    /// Starts a one-dimensional array value in the current column; write the elements with the ordinary Write
    /// methods (they take the element type from the column's array type), then call <see cref="EndArray"/>.
    /// Binary layout: int32 ndim, int32 has-null flag, int32 element oid, per dimension int32 size + int32 lower
    /// bound (1), then each element as int32 length + bytes. Text: <c>{1,2,NULL,"a b"}</c>.
    /// </summary>
    public void BeginArray()
    {
        if (_arrayStart >= 0)
        {
            throw new InvalidOperationException("nested arrays are not supported");
        }

        var column = CurrentColumn;
        if (PgTypeOid.ElementOf(column.TypeOid) == 0)
        {
            throw new InvalidOperationException($"column {column.Name} is not of an array type");
        }

        Reserve(4);
        _length += 4;
        _elementType = PgTypeOid.ElementOf(column.TypeOid);
        _arrayStart = _length;
        _arrayCount = 0;
        _arrayHasNull = false;
        if (Binary)
        {
            // ndim, has-null, element type, dimension size, lower bound: filled in by EndArray.
            Reserve(20);
            _length += 20;
        }
        else
        {
            Reserve(1)[0] = (byte)'{';
            _length++;
        }
    }

    public void EndArray()
    {
        if (_arrayStart < 0)
        {
            throw new InvalidOperationException("EndArray without BeginArray");
        }

        if (Binary)
        {
            var header = _buffer.AsSpan(_arrayStart);
            if (_arrayCount == 0)
            {
                // An empty array has no dimensions: ndim 0 and no size/lower-bound pair.
                _length -= 8;
            }

            BinaryPrimitives.WriteInt32BigEndian(header, _arrayCount == 0 ? 0 : 1);
            BinaryPrimitives.WriteInt32BigEndian(header[4..], _arrayHasNull ? 1 : 0);
            BinaryPrimitives.WriteUInt32BigEndian(header[8..], _elementType);
            if (_arrayCount > 0)
            {
                BinaryPrimitives.WriteInt32BigEndian(header[12..], _arrayCount);
                BinaryPrimitives.WriteInt32BigEndian(header[16..], 1);
            }
        }
        else
        {
            Reserve(1)[0] = (byte)'}';
            _length++;
        }

        BinaryPrimitives.WriteInt32BigEndian(_buffer.AsSpan(_arrayStart - 4), _length - _arrayStart);
        _arrayStart = -1;
        _column++;
    }

    /// <summary>Quotes the element just written when array_out would (<see cref="PgArrayText"/>).</summary>
    private void QuoteArrayElement()
    {
        var extra = PgArrayText.QuotingExtra(_buffer.AsSpan(_valueStart, _length - _valueStart));
        if (extra == 0)
        {
            return;
        }

        Reserve(extra);
        _length = _valueStart + PgArrayText.Quote(_buffer.AsSpan(_valueStart), _length - _valueStart);
    }
}
