namespace Vnd.Planner.Logical;

/// <summary>
/// The table column a result column reads unchanged: what PostgreSQL reports in RowDescription as the table OID and
/// attribute number, which drivers use for base table and column names (Npgsql KeyInfo, JDBC getTableName).
/// </summary>
/// <param name="Ordinal">The column's 0-based position in the table definition (attnum − 1).</param>
public sealed record ColumnOrigin(string Schema, string Table, int Ordinal);
