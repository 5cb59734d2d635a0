namespace Vnd.Executor.Storage;

/// <summary>
/// The ordered columns of a trace table. Compared by value so that an append can check it writes the
/// same schema the table already has.
/// </summary>
public sealed class TableSchema : IEquatable<TableSchema>
{
    private readonly ColumnSchema[] _columns;

    public TableSchema(IReadOnlyList<ColumnSchema> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        if (columns.Count == 0)
            throw new StorageException(StorageErrorKind.InvalidName, "a trace table needs at least one column");
        _columns = new ColumnSchema[columns.Count];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < columns.Count; i++)
        {
            var column = columns[i] ?? throw new ArgumentException($"column {i} is null", nameof(columns));
            if (string.IsNullOrEmpty(column.Name))
                throw new StorageException(StorageErrorKind.InvalidName, $"column {i} has an empty name");
            if (!seen.Add(column.Name))
                throw new StorageException(StorageErrorKind.InvalidName, $"column name \"{column.Name}\" appears twice");
            _columns[i] = column;
        }
    }

    public IReadOnlyList<ColumnSchema> Columns => _columns;

    public int Count => _columns.Length;

    public ColumnSchema this[int ordinal] => _columns[ordinal];

    /// <summary>The ordinal of a column, or -1.</summary>
    public int IndexOf(string name)
    {
        for (var i = 0; i < _columns.Length; i++)
        {
            if (_columns[i].Name == name)
                return i;
        }
        return -1;
    }

    public bool Equals(TableSchema? other) =>
        other is not null && _columns.AsSpan().SequenceEqual(other._columns);

    public override bool Equals(object? obj) => Equals(obj as TableSchema);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var column in _columns)
            hash.Add(column);
        return hash.ToHashCode();
    }

    public override string ToString() =>
        "(" + string.Join(", ", Array.ConvertAll(_columns, c => c.Name + " " + c.Type.PgName)) + ")";
}
