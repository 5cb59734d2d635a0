using Vnd.Planner.Types;

namespace Vnd.Engine.Catalog.System;

/// <summary>
/// One row of pg_type: a built-in type with PostgreSQL's own OID (clients hard-code them), its kind
/// (<see cref="Kind"/>: b base, p pseudo), category, element and array types, and the name format_type prints.
/// <see cref="Receive"/> and <see cref="Input"/> are pg_proc OIDs: arrays use array_recv/array_in, which is how
/// Npgsql's type loading tells arrays from other base types.
/// </summary>
public sealed record PgType(int Oid, string Name, char Kind, char Category, short Length, bool ByValue, int Element, int Array, string FormatName)
{
    public const int ArrayRecv = 2400;
    public const int ArrayIn = 750;

    public bool IsArray => Category == 'A' && Element != 0 && Kind == 'b' && Name.StartsWith('_');

    public bool Preferred => Oid is 25 or 701 or 869 or 1184 or 1186 or 26;

    /// <summary>OID of this type's receive function in pg_proc (array_recv for arrays).</summary>
    public int Receive { get; init; }

    /// <summary>OID of this type's input function in pg_proc (array_in for arrays).</summary>
    public int Input { get; init; }

    /// <summary>The engine type whose values this type describes; null for types VND only lists (time, json, record, …).</summary>
    public SqlType? EngineType { get; init; }
}
