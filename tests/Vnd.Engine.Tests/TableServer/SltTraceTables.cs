using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Vnd.Executor.Storage;
using Vnd.Executor.Storage.Builders;
using Vnd.Planner.Types;

namespace Vnd.Engine.Tests.TableServer;

/// <summary>
/// The SQL engine's differential corpus tables (tests/slt/tables.sql, the file PostgreSQL loads in
/// Vnd.Executor.Tests' DifferentialTests) written as trace tables of a tenant. Only tables whose column types
/// have a storage mapping are written: t, t_in, t_out, a, b and e; n (numeric, date, interval) has none.
/// </summary>
public static partial class SltTraceTables
{
    /// <summary>The corpus tables that can be stored as trace tables.</summary>
    public static readonly string[] Names = ["t", "t_in", "t_out", "a", "b", "e"];

    public static string SetupSql()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var file = Path.Combine(dir.FullName, "tests", "slt", "tables.sql");
            if (File.Exists(file))
                return File.ReadAllText(file);
        }
        throw new InvalidOperationException("cannot find tests/slt/tables.sql above " + AppContext.BaseDirectory);
    }

    /// <summary>Writes the storable corpus tables into <paramref name="dataDirectory"/> as schema <paramref name="tenant"/>.</summary>
    public static void Write(string dataDirectory, string tenant)
    {
        var store = new TraceTableStore(dataDirectory);
        var schemas = new Dictionary<string, TableSchema>(StringComparer.Ordinal);
        var rows = new Dictionary<string, List<string?[]>>(StringComparer.Ordinal);
        var sql = SetupSql();
        foreach (Match create in CreateTable().Matches(sql))
        {
            var columns = create.Groups[2].Value.Split(',').Select(c => c.Trim().Split(' ', 2)).Select(p => new ColumnSchema(p[0], Type(p[1]))).ToList();
            if (columns.All(c => c.Type.Id != TypeId.Unknown))
            {
                schemas[create.Groups[1].Value] = new TableSchema(columns);
                rows[create.Groups[1].Value] = [];
            }
        }
        foreach (Match insert in Insert().Matches(sql))
        {
            if (rows.TryGetValue(insert.Groups[1].Value, out var list))
                list.AddRange(Tuples(insert.Groups[2].Value));
        }
        Assert.Equal(Names.Order(StringComparer.Ordinal), schemas.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, schema) in schemas)
        {
            using var writer = store.CreateWriter(new TableRef(tenant, name), schema);
            foreach (var row in rows[name])
            {
                Assert.Equal(schema.Count, row.Length);
                for (var c = 0; c < row.Length; c++)
                    Append(writer, c, schema[c].Type, row[c]);
                writer.EndRow();
            }
            writer.Commit();
        }
    }

    private static SqlType Type(string name) => name switch
    {
        "timestamptz" => SqlType.TimestampTz,
        "inet" => SqlType.Inet,
        "int2" => SqlType.Int2,
        "int4" => SqlType.Int4,
        "int8" => SqlType.Int8,
        "text" => SqlType.Text,
        _ => SqlType.Unknown,
    };

    private static void Append(TraceTableWriter writer, int column, SqlType type, string? value)
    {
        if (value is null)
        {
            writer.Columns[column].AppendNull();
            return;
        }
        switch (type.Id)
        {
            case TypeId.TimestampTz:
                var instant = DateTimeOffset.Parse(value.EndsWith("+00", StringComparison.Ordinal) ? value + ":00" : value, CultureInfo.InvariantCulture);
                writer.GetBuilder<TimestampColumnBuilder>(column).Append((instant - DateTimeOffset.UnixEpoch).Ticks / 10);
                break;
            case TypeId.Inet:
                writer.GetBuilder<InetColumnBuilder>(column).Append(IPAddress.Parse(value).GetAddressBytes());
                break;
            case TypeId.Int2:
                writer.GetBuilder<Int16ColumnBuilder>(column).Append(short.Parse(value, CultureInfo.InvariantCulture));
                break;
            case TypeId.Int4:
                writer.GetBuilder<Int32ColumnBuilder>(column).Append(int.Parse(value, CultureInfo.InvariantCulture));
                break;
            case TypeId.Int8:
                writer.GetBuilder<Int64ColumnBuilder>(column).Append(long.Parse(value, CultureInfo.InvariantCulture));
                break;
            default:
                writer.GetBuilder<TextColumnBuilder>(column).Append(value);
                break;
        }
    }

    /// <summary>The rows of <c>VALUES (…), (…)</c>: quoted literals unquoted, NULL as null.</summary>
    private static IEnumerable<string?[]> Tuples(string values)
    {
        foreach (Match tuple in Tuple().Matches(values))
        {
            yield return Value().Matches(tuple.Groups[1].Value)
                .Select(v => v.Groups[1].Success ? v.Groups[1].Value.Replace("''", "'", StringComparison.Ordinal) : v.Value == "NULL" ? null : v.Value)
                .ToArray();
        }
    }

    [GeneratedRegex(@"^CREATE TABLE (\w+) \((.*)\);$", RegexOptions.Multiline)]
    private static partial Regex CreateTable();

    [GeneratedRegex(@"^INSERT INTO (\w+) (VALUES.*?);$", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex Insert();

    [GeneratedRegex(@"\(((?:'(?:[^']|'')*'|[^()'])*)\)")]
    private static partial Regex Tuple();

    [GeneratedRegex(@"'((?:[^']|'')*)'|[^,\s]+")]
    private static partial Regex Value();
}
