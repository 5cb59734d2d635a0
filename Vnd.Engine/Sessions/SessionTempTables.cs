using Vnd.Executor.Operators;
using Vnd.Executor.Vectors;
using Vnd.Planner.Catalog;
using Vnd.Planner.Syntax.Ast;
using Vnd.Planner.Types;
using Vnd.Wire.Errors;

namespace Vnd.Engine.Sessions;

/// <summary>
/// One session's temporary tables (<c>CREATE TEMP TABLE x AS SELECT …</c>): query results kept in memory as
/// columnar batches in the schema <c>pg_temp</c>, seen by this session only and gone when it ends. Their bytes
/// count against the session's <c>temp_buffers</c>; a table that would pass it is refused with 53200 and nothing
/// is kept. Trace tables stay read-only: these are the only tables a session creates.
/// </summary>
public sealed class SessionTempTables
{
    private readonly Dictionary<string, (TableDefinition Definition, InMemoryTable Rows, long Bytes)> _tables = new(StringComparer.Ordinal);

    /// <summary>Bytes the session's temporary tables hold.</summary>
    public long Bytes { get; private set; }

    /// <summary>The tables, in name order (pg_class of this session lists them).</summary>
    /// <remarks>Asked on every statement (relation OIDs), where a session almost always has none.</remarks>
    public IReadOnlyList<TableDefinition> Definitions()
    {
        if (_tables.Count == 0)
            return [];
        var definitions = new List<TableDefinition>(_tables.Count);
        foreach (var name in _tables.Keys.Order(StringComparer.Ordinal))
            definitions.Add(_tables[name].Definition);
        return definitions;
    }

    public int Count => _tables.Count;

    public bool Contains(string name) => _tables.ContainsKey(name);

    public TableDefinition? Find(string name) => _tables.TryGetValue(name, out var table) ? table.Definition : null;

    /// <summary>The rows of a table; 42P01 when the session no longer has it (a statement prepared before DROP).</summary>
    public IBatchSource Source(string name) =>
        _tables.TryGetValue(name, out var table) ? table.Rows : throw new PgErrorException("42P01", $"relation \"{name}\" does not exist");

    /// <summary>
    /// Materializes <paramref name="rows"/> as table <paramref name="name"/>. Throws 53200 as soon as the session's
    /// temporary tables would hold more than <paramref name="limitBytes"/>, and then keeps nothing.
    /// </summary>
    public long Create(string name, IReadOnlyList<string> columns, IReadOnlyList<SqlType> types, OpenQuery rows, long limitBytes, CancellationToken cancellation)
    {
        var stored = new SqlType[types.Count];
        var definitions = new ColumnDefinition[types.Count];
        for (var c = 0; c < stored.Length; c++)
        {
            // An untyped NULL or literal column becomes text, as PostgreSQL types it in CREATE TABLE AS.
            stored[c] = types[c].Id is TypeId.Null or TypeId.Unknown ? SqlType.Text : types[c];
            definitions[c] = new ColumnDefinition(columns[c], stored[c], null);
        }
        var table = new InMemoryTable(stored, columns);
        long bytes = 0, count = 0;
        while (rows.TryTake(int.MaxValue, cancellation, out var batch, out var live))
        {
            bytes += Measure(batch, live);
            if (Bytes + bytes > limitBytes)
            {
                throw new PgErrorException("53200", "out of memory",
                    detail: $"temporary table \"{name}\" needs more than the {limitBytes:N0} bytes of temp_buffers this session's temporary tables may hold ({Bytes:N0} in use).",
                    hint: "Select fewer rows or columns, drop temporary tables you no longer need, or raise temp_buffers.");
            }
            table.Append(batch);
            count += live.Length;
        }
        _tables[name] = (new TableDefinition(SearchPathCatalog.TempSchema, name, SqlList.From(definitions), new TableStatistics(count, bytes)), table, bytes);
        Bytes += bytes;
        return count;
    }

    /// <summary>DROP TABLE of a temporary table; false when the session has none of that name.</summary>
    public bool Drop(string name)
    {
        if (!_tables.Remove(name, out var table))
            return false;
        Bytes -= table.Bytes;
        return true;
    }

    /// <summary>
    /// The tables as they are now, for a transaction block to return to on ROLLBACK: a table's rows never change
    /// once created, so the name → table map is the whole state.
    /// </summary>
    public Snapshot Save() => new(new Dictionary<string, (TableDefinition, InMemoryTable, long)>(_tables, StringComparer.Ordinal), Bytes);

    /// <summary>ROLLBACK: tables created in the block are gone, tables dropped in it are back.</summary>
    public void Restore(Snapshot snapshot)
    {
        _tables.Clear();
        foreach (var (name, table) in snapshot.Tables)
            _tables[name] = table;
        Bytes = snapshot.Bytes;
    }

    /// <summary>What <see cref="Save"/> kept.</summary>
    public sealed record Snapshot(IReadOnlyDictionary<string, (TableDefinition Definition, InMemoryTable Rows, long Bytes)> Tables, long Bytes);

    /// <summary>DISCARD TEMP / DISCARD ALL.</summary>
    public void Clear()
    {
        _tables.Clear();
        Bytes = 0;
    }

    /// <summary>The bytes <paramref name="rows"/> of a batch take stored: fixed-width values plus text/bytea bytes.</summary>
    private static long Measure(Batch batch, ReadOnlySpan<int> rows)
    {
        long bytes = 0;
        for (var c = 0; c < batch.ColumnCount; c++)
        {
            var vector = batch[c];
            bytes += (long)rows.Length * PhysicalTypes.SizeOf(vector.PhysicalType);
            if (vector.PhysicalType != PhysicalType.VarBytes)
                continue;
            foreach (var row in rows)
            {
                if (vector.IsValid(row))
                    bytes += vector.GetBytes(row).Length;
            }
        }
        return bytes;
    }
}
