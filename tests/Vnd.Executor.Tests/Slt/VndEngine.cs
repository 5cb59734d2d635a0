using System.Text.RegularExpressions;
using Vnd.Executor.Expressions;
using Vnd.Executor.Operators;
using Vnd.Executor.PhysicalPlanning;
using Vnd.Executor.Tests.Operators;
using Vnd.Executor.Vectors;
using Vnd.Planner.Binding;
using Vnd.Planner.Catalog;
using Vnd.Planner.Errors;
using Vnd.Planner.Rules;
using Vnd.Planner.Syntax.Ast;
using Vnd.Planner.Types;

namespace Vnd.Executor.Tests.Slt;

/// <summary>
/// VND's Planner + Executor over in-memory tables, answering in PostgreSQL's text output. The tables come from
/// tests/slt/tables.sql (the file PostgreSQL loads in the differential test): each CREATE TABLE declares one and
/// each INSERT … VALUES is run through VND itself as SELECT CAST(c1 AS type) … FROM (VALUES …), so VND never
/// needs CREATE TABLE support and both engines read the same literals.
/// </summary>
public sealed partial class VndEngine
{
    private readonly InMemoryCatalog _catalog = new();
    private readonly Dictionary<string, InMemoryTable> _tables = new(StringComparer.Ordinal);

    public VndEngine(string setupSql)
    {
        var columns = new Dictionary<string, (string Name, string Type)[]>();
        foreach (var statement in setupSql.Split(";\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var sql = string.Join("\n", statement.Split('\n').Where(l => !l.StartsWith("--", StringComparison.Ordinal))).Trim().TrimEnd(';');
            if (sql.Length == 0)
                continue;
            if (CreateTable().Match(sql) is { Success: true } create)
            {
                var name = create.Groups[1].Value;
                columns[name] = create.Groups[2].Value.Split(',').Select(c => c.Trim().Split(' ', 2)).Select(p => (p[0], p[1])).ToArray();
                Load(name, columns[name], null);
            }
            else if (Insert().Match(sql) is { Success: true } insert)
            {
                Load(insert.Groups[1].Value, columns[insert.Groups[1].Value], insert.Groups[2].Value);
            }
            else
            {
                throw new FormatException($"tables.sql: unexpected statement: {sql[..Math.Min(60, sql.Length)]}");
            }
        }
    }

    /// <summary>The TimeZone a <c>SET TimeZone</c> record chose (the session setting; PostgreSQL's test server starts in UTC).</summary>
    private TimeZoneInfo _zone = TimeZoneInfo.Utc;

    public SltResult Run(string sql)
    {
        try
        {
            if (SetTimeZone().Match(sql.Trim().TrimEnd(';')) is { Success: true } set)
            {
                _zone = TimeZoneLookup.Resolve(set.Groups[1].Value);
                return new SltResult([], null, null);
            }
            var (rows, types) = Execute(sql);
            return new SltResult(rows.Select(r => r.Select((v, c) => v is null ? null : Text(v, types[c], _zone)).ToArray()).ToList(), null, null);
        }
        catch (SqlException e)
        {
            return SltResult.Error(e.SqlState, e.Message);
        }
    }

    /// <summary>PostgreSQL's text output: bool is t/f, timestamptz in the session's zone, the rest as <see cref="ValueFormatter"/> prints it.</summary>
    private static string Text(object value, SqlType type, TimeZoneInfo zone) => value switch
    {
        bool b => b ? "t" : "f",
        DateTime instant when type.Id == TypeId.TimestampTz => ValueFormatter.FormatZoned(instant, zone),
        ArrayValue array => ArrayText.Format(array.Items, array.Element, zone),
        _ => ValueFormatter.Format(value, type),
    };

    private (List<object?[]> Rows, SqlType[] Types) Execute(string sql)
    {
        var bound = new Binder(_catalog).Bind(sql);
        var optimized = Optimizer.Default.Optimize(bound.Plan).Plan;
        var plan = new PhysicalPlanner(scan => _tables[scan.Table]) { TimeZone = _zone }.Plan(optimized);
        var types = optimized.Output.Select(c => c.Type).ToArray();
        // Declared: values are read in the layout of the column's declared type, as the wire does.
        return (Plans.Run(plan, declared: types), types);
    }

    /// <summary>(Re)defines table <paramref name="name"/>, appending the VALUES rows to what it holds.</summary>
    private void Load(string name, (string Name, string Type)[] columns, string? values)
    {
        var casts = string.Join(", ", columns.Select((c, i) => $"CAST({(values is null ? "NULL" : $"c{i + 1}")} AS {c.Type}) AS {c.Name}"));
        var sql = values is null
            ? $"SELECT {casts} WHERE false"
            : $"SELECT {casts} FROM ({values}) AS v({string.Join(", ", columns.Select((_, i) => $"c{i + 1}"))})";
        var (rows, types) = Execute(sql);
        if (!_tables.TryGetValue(name, out var table))
        {
            table = new InMemoryTable(types, columns.Select(c => c.Name).ToArray());
            _tables[name] = table;
            _catalog.AddTable(new TableDefinition("public", name, SqlList.From(columns.Select((c, i) => new ColumnDefinition(c.Name, types[i])))));
        }
        foreach (var row in rows)
            table.AppendRow(row);
    }

    [GeneratedRegex(@"^SET\s+(?:TIME\s+ZONE|TimeZone)\s*(?:=|TO)?\s*'([^']+)'$", RegexOptions.IgnoreCase)]
    private static partial Regex SetTimeZone();

    [GeneratedRegex(@"^CREATE TABLE (\w+) \((.*)\)$", RegexOptions.Singleline)]
    private static partial Regex CreateTable();

    [GeneratedRegex(@"^INSERT INTO (\w+) (VALUES.*)$", RegexOptions.Singleline)]
    private static partial Regex Insert();
}
