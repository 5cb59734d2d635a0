using System.Buffers.Binary;
using Vnd.Wire.Results;

namespace Vnd.Wire.Protocol.Backend;

public sealed partial class BackendWriter
{
    /// <summary>
    /// RowDescription: int16 field count, then per field: name, int32 table oid, int16 attnum, int32 type oid,
    /// int16 typlen, int32 typmod, int16 format.
    /// </summary>
    public void WriteRowDescription(PgRowDescription description)
    {
        var columns = description.Columns;
        var length = 2 /* int16 count */;
        foreach (ref readonly var column in columns)
        {
            length += CStringLength(column.Name) + 4 /* table */ + 2 /* attnum */ + 4 /* type */ + 2 /* typlen */ +
                      4 /* typmod */ + 2 /* format */;
        }

        var span = Begin(BackendMessageCode.RowDescription, length);
        BinaryPrimitives.WriteInt16BigEndian(span[5..], (short)columns.Length);
        var at = 7;
        foreach (ref readonly var column in columns)
        {
            at += WriteCString(column.Name, span[at..]);
            BinaryPrimitives.WriteUInt32BigEndian(span[at..], column.TableOid);
            BinaryPrimitives.WriteInt16BigEndian(span[(at + 4)..], column.AttributeNumber);
            BinaryPrimitives.WriteUInt32BigEndian(span[(at + 6)..], column.TypeOid);
            BinaryPrimitives.WriteInt16BigEndian(span[(at + 10)..], column.TypeLength);
            BinaryPrimitives.WriteInt32BigEndian(span[(at + 12)..], column.TypeModifier);
            BinaryPrimitives.WriteInt16BigEndian(span[(at + 16)..], (short)column.Format);
            at += 18;
        }

        _output.Advance(5 + length);
    }
}
