using Vnd.Wire.Types;

namespace Vnd.Wire.Results;

/// <summary>
/// One RowDescription field. <see cref="TableOid"/>/<see cref="AttributeNumber"/> stay 0 unless the engine can
/// answer the pg_class/pg_attribute follow-up queries that JDBC and Npgsql send for non-zero values.
/// </summary>
public readonly record struct PgColumn(
    string Name,
    uint TypeOid,
    short TypeLength,
    int TypeModifier = -1,
    uint TableOid = 0,
    short AttributeNumber = 0,
    PgFormat Format = PgFormat.Text);
