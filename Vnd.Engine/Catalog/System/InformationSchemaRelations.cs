using Vnd.Planner.Types;

namespace Vnd.Engine.Catalog.System;

/// <summary>
/// information_schema's schemata, tables, columns and views over the same snapshot as pg_catalog (Grafana's query
/// builder, Npgsql's GetSchema, pgJDBC and BI tools read these). SQL-standard domains (sql_identifier,
/// cardinal_number, yes_or_no) are text and int4, as their values are.
/// </summary>
internal static class InformationSchemaRelations
{
    private const string S = "information_schema";

    public static IEnumerable<SystemRelation> All()
    {
        yield return new(S, "schemata", 13201, 'v',
            "catalog_name name, schema_name name, schema_owner name, default_character_set_catalog name, " +
            "default_character_set_schema name, default_character_set_name name, sql_path text", Schemata);
        yield return new(S, "tables", 13202, 'v',
            "table_catalog name, table_schema name, table_name name, table_type text, self_referencing_column_name name, " +
            "reference_generation text, user_defined_type_catalog name, user_defined_type_schema name, " +
            "user_defined_type_name name, is_insertable_into text, is_typed text, commit_action text", Tables);
        yield return new(S, "columns", 13203, 'v',
            "table_catalog name, table_schema name, table_name name, column_name name, ordinal_position int4, column_default text, " +
            "is_nullable text, data_type text, character_maximum_length int4, character_octet_length int4, numeric_precision int4, " +
            "numeric_precision_radix int4, numeric_scale int4, datetime_precision int4, interval_type text, interval_precision int4, " +
            "character_set_catalog name, character_set_schema name, character_set_name name, collation_catalog name, " +
            "collation_schema name, collation_name name, domain_catalog name, domain_schema name, domain_name name, " +
            "udt_catalog name, udt_schema name, udt_name name, scope_catalog name, scope_schema name, scope_name name, " +
            "maximum_cardinality int4, dtd_identifier name, is_self_referencing text, is_identity text, identity_generation text, " +
            "identity_start text, identity_increment text, identity_maximum text, identity_minimum text, identity_cycle text, " +
            "is_generated text, generation_expression text, is_updatable text", Columns);
        yield return new(S, "views", 13204, 'v',
            "table_catalog name, table_schema name, table_name name, view_definition text, check_option text, is_updatable text, " +
            "is_insertable_into text, is_trigger_updatable text, is_trigger_deletable text, is_trigger_insertable_into text", Views);
    }

    private static IEnumerable<object?[]> Schemata(CatalogSnapshot s)
    {
        foreach (var (_, name) in s.Namespaces())
            yield return [s.Session.Database, name, s.Session.User, null, null, null, null];
    }

    /// <summary>Keys: table_schema (1), table_name (2), as Npgsql's and Grafana's restrictions give them.</summary>
    private static void Tables(CatalogSnapshot s, CatalogScanKeys keys, CatalogRowWriter w)
    {
        foreach (var r in s.Relations)
        {
            if (!keys.Admits(1, r.Schema) || !keys.Admits(2, r.Name))
                continue;
            w.Row();
            w.Text(0, s.Session.Database);
            w.Text(1, r.Schema);
            w.Text(2, r.Name);
            w.Text(3, r.Kind == 'v' ? "VIEW" : r.Schema == CatalogSnapshot.TempSchema ? "LOCAL TEMPORARY" : "BASE TABLE");
            w.Text(9, "NO");
            w.Text(10, "NO");
        }
    }

    private static IEnumerable<object?[]> Views(CatalogSnapshot s)
    {
        // The built-in views are computed by VND, not defined by SQL text, so view_definition is null.
        foreach (var r in s.Relations)
        {
            if (r.Kind == 'v')
                yield return [s.Session.Database, r.Schema, r.Name, null, "NONE", "NO", "NO", "NO", "NO", "NO"];
        }
    }

    /// <summary>Keys: table_schema (1), table_name (2) (Npgsql's GetSchema("Columns", [db, schema, table]), pgJDBC's getColumns).</summary>
    private static void Columns(CatalogSnapshot s, CatalogScanKeys keys, CatalogRowWriter w)
    {
        foreach (var r in s.Relations)
        {
            if (!keys.Admits(1, r.Schema) || !keys.Admits(2, r.Name))
                continue;
            var columns = r.Columns;
            for (var i = 0; i < columns.Count; i++)
            {
                var type = columns[i].Type;
                var pg = PgTypes.Find(PgTypes.OidOf(type));
                var (precision, radix, scale) = NumericShape(type);
                w.Row();
                w.Text(0, s.Session.Database);
                w.Text(1, r.Schema);
                w.Text(2, r.Name);
                w.Text(3, columns[i].Name);
                w.Integer(4, i + 1);
                w.Text(6, "YES");
                w.Text(7, type.Id == TypeId.Array ? "ARRAY" : type.PgName);
                if (type.Id == TypeId.Text)
                    w.Integer(9, 1073741824);
                Optional(w, 10, precision);
                Optional(w, 11, radix);
                Optional(w, 12, scale);
                Optional(w, 13, type.Id is TypeId.Timestamp or TypeId.TimestampTz or TypeId.Interval or TypeId.Time ? 6 : type.Id == TypeId.Date ? 0 : null);
                w.Text(25, s.Session.Database);
                w.Text(26, "pg_catalog");
                w.Text(27, pg?.Name ?? type.PgName);
                if (w.Wants(32))
                    w.Text(32, (i + 1).ToString(global::System.Globalization.CultureInfo.InvariantCulture));
                w.Text(33, "NO");
                w.Text(34, "NO");
                w.Text(40, "NO");
                w.Text(41, "NEVER");
                w.Text(43, "NO");
            }
        }
    }

    private static void Optional(CatalogRowWriter w, int column, int? value)
    {
        if (value is { } v)
            w.Integer(column, v);
    }

    /// <summary>numeric_precision, its radix and numeric_scale as PostgreSQL reports them for unconstrained types.</summary>
    private static (int?, int?, int?) NumericShape(SqlType type) => type.Id switch
    {
        TypeId.Int2 => (16, 2, 0),
        TypeId.Int4 => (32, 2, 0),
        TypeId.Int8 => (64, 2, 0),
        TypeId.Float4 => (24, 2, null),
        TypeId.Float8 => (53, 2, null),
        TypeId.Numeric => (null, 10, null),
        _ => (null, null, null),
    };
}
