using Vnd.Wire.Errors;
using Vnd.Wire.Types;

namespace Vnd.Wire.Results;

/// <summary>The columns of a result, with the wire format of each (text unless Bind asked otherwise).</summary>
public sealed class PgRowDescription
{
    private readonly PgColumn[] _columns;

    public PgRowDescription(PgColumn[] columns)
    {
        _columns = columns;
        BinaryColumns = new bool[columns.Length];
        TypeOids = new uint[columns.Length];
        for (var i = 0; i < columns.Length; i++)
        {
            BinaryColumns[i] = columns[i].Format == PgFormat.Binary;
            TypeOids[i] = columns[i].TypeOid;
        }
    }

    /// <summary>Per-column format and type as flat arrays, so the row writer reads one element per value.</summary>
    internal bool[] BinaryColumns { get; }

    internal uint[] TypeOids { get; }

    public int Count => _columns.Length;

    public PgColumn this[int index] => _columns[index];

    public ReadOnlySpan<PgColumn> Columns => _columns;

    /// <summary>
    /// Applies Bind's result-format codes: none = all text, one = all columns, else exactly one per column
    /// (PostgreSQL: "bind message has N result formats but query has M columns").
    /// </summary>
    public PgRowDescription WithFormats(ReadOnlySpan<short> formats)
    {
        if (formats.Length > 1 && formats.Length != _columns.Length)
        {
            throw new PgErrorException(SqlState.ProtocolViolation, $"bind message has {formats.Length} result formats but query has {_columns.Length} columns");
        }

        var changed = false;
        var columns = (PgColumn[])_columns.Clone();
        for (var i = 0; i < columns.Length; i++)
        {
            var format = formats.Length == 0 ? PgFormat.Text : (PgFormat)formats[formats.Length == 1 ? 0 : i];
            if (columns[i].Format != format)
            {
                columns[i] = columns[i] with { Format = format };
                changed = true;
            }
        }

        return changed ? new PgRowDescription(columns) : this;
    }
}
