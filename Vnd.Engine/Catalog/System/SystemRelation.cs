using Vnd.Planner.Catalog;
using Vnd.Planner.Syntax.Ast;
using Vnd.Planner.Types;

namespace Vnd.Engine.Catalog.System;

/// <summary>
/// A relation of pg_catalog or information_schema: its fixed OID, relkind ('r' table, 'v' view), columns, and the
/// rows it holds for one tenant's session (computed from a <see cref="CatalogSnapshot"/> whenever it is scanned).
/// Relations with a row per table or column (pg_class, pg_attribute, information_schema.tables/columns) have a
/// <see cref="Writer"/> instead of boxed <see cref="Rows"/>: it writes only the rows the scan's keys admit and only
/// the columns it reads.
/// </summary>
public sealed class SystemRelation
{
    public SystemRelation(string schema, string name, int oid, char kind, string columns, Func<CatalogSnapshot, IEnumerable<object?[]>> rows)
        : this(schema, name, oid, kind, columns) => Rows = rows;

    public SystemRelation(string schema, string name, int oid, char kind, string columns, Action<CatalogSnapshot, CatalogScanKeys, CatalogRowWriter> writer)
        : this(schema, name, oid, kind, columns) => Writer = writer;

    private SystemRelation(string schema, string name, int oid, char kind, string columns)
    {
        Schema = schema;
        Name = name;
        Oid = oid;
        Kind = kind;
        Columns = ParseColumns(columns);
    }

    public string Schema { get; }

    public string Name { get; }

    public int Oid { get; }

    public char Kind { get; }

    public SqlList<ColumnDefinition> Columns { get; }

    /// <summary>The rows as boxed values (small relations); null when the relation has a <see cref="Writer"/>.</summary>
    public Func<CatalogSnapshot, IEnumerable<object?[]>>? Rows { get; }

    /// <summary>Writes the rows a scan's keys admit, typed, into the columns it reads; null for a boxed relation.</summary>
    public Action<CatalogSnapshot, CatalogScanKeys, CatalogRowWriter>? Writer { get; }

    public TableDefinition Definition => new(Schema, Name, Columns);

    /// <summary>
    /// "oid oid, relname name, relacl aclitem[]": PostgreSQL's column types, mapped to the VND types that carry
    /// them (name and "char" are text; arrays, which VND cannot store in a column, are their text form).
    /// </summary>
    private static SqlList<ColumnDefinition> ParseColumns(string spec)
    {
        var columns = new List<ColumnDefinition>();
        foreach (var item in spec.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var space = item.IndexOf(' ', StringComparison.Ordinal);
            var type = item[(space + 1)..] switch
            {
                "oid" or "regproc" or "regclass" or "regtype" => SqlType.Oid,
                "bool" => SqlType.Bool,
                "int2" => SqlType.Int2,
                "int4" => SqlType.Int4,
                "int8" => SqlType.Int8,
                "float4" => SqlType.Float4,
                "timestamptz" => SqlType.TimestampTz,
                "inet" => SqlType.Inet,
                "name" or "text" or "char" => SqlType.Text,
                var other when other.EndsWith("[]", StringComparison.Ordinal) || other.EndsWith("vector", StringComparison.Ordinal)
                    || other is "pg_node_tree" or "xid" => SqlType.Text,
                var other => throw new ArgumentException($"no VND type for catalog column type {other}", nameof(spec)),
            };
            columns.Add(new ColumnDefinition(item[..space], type));
        }
        return SqlList.From(columns);
    }
}
