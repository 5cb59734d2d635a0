using System.Text;
using Vnd.Executor.Operators;
using Vnd.Executor.Vectors;
using Vnd.Planner.Catalog;
using Vnd.Planner.Syntax.Ast;

namespace Vnd.Engine.Catalog.System;

/// <summary>
/// Builds a system relation's rows column by column into vectors, typed (no boxed row arrays), and only the
/// columns the scan reads: a relation guards a value that is costly to compute (a table's column count or
/// statistics, which open its manifest) with <see cref="Wants"/>.
/// </summary>
public sealed class CatalogRowWriter
{
    private readonly bool[] _wanted;
    private Batch? _batch;
    private int _row;

    /// <param name="columns">The relation's columns.</param>
    /// <param name="read">The ordinals of the columns the scan reads.</param>
    public CatalogRowWriter(SqlList<ColumnDefinition> columns, IEnumerable<int> read)
    {
        var types = new Vnd.Planner.Types.SqlType[columns.Count];
        var names = new string[columns.Count];
        for (var c = 0; c < types.Length; c++)
            (types[c], names[c]) = (columns[c].Type, columns[c].Name);
        Table = new InMemoryTable(types, names);
        _wanted = new bool[types.Length];
        foreach (var ordinal in read)
            _wanted[ordinal] = true;
    }

    /// <summary>The rows written so far.</summary>
    public InMemoryTable Table { get; }

    /// <summary>Rows written (what a scale test counts).</summary>
    public int Rows { get; private set; }

    public bool Wants(int column) => _wanted[column];

    /// <summary>Starts a row of NULLs; its non-null values are then set by ordinal (an unread column's value is dropped).</summary>
    public void Row()
    {
        (_batch, _row) = Table.AppendRow();
        Rows++;
        for (var c = 0; c < _wanted.Length; c++)
        {
            if (_wanted[c])
                _batch[c].SetNull(_row);
        }
    }

    /// <summary>An integer or OID column's value (int2, int4, oid, int8 as the column is).</summary>
    public void Integer(int column, long value)
    {
        if (Valid(column) is not { } vector)
            return;
        switch (vector.PhysicalType)
        {
            case PhysicalType.Int16: vector.Set(_row, (short)value); break;
            case PhysicalType.Int32: vector.Set(_row, (int)value); break;
            default: vector.Set(_row, value); break;
        }
    }

    public void Bool(int column, bool value) => Valid(column)?.Set(_row, (byte)(value ? 1 : 0));

    public void Real(int column, double value) => Valid(column)?.Set(_row, value);

    /// <summary>A text (name, "char", array text form) column's value; null leaves it NULL.</summary>
    public void Text(int column, string? value)
    {
        if (value is null || Valid(column) is not { } vector)
            return;
        var bytes = vector.ReserveBytes(_row, Encoding.UTF8.GetMaxByteCount(value.Length));
        vector.ShrinkLastBytes(_row, Encoding.UTF8.GetBytes(value, bytes));
    }

    private Vector? Valid(int column)
    {
        if (!_wanted[column])
            return null;
        var vector = _batch![column];
        vector.Validity.SetValid(_row);
        return vector;
    }
}
