using Vnd.Engine.Sessions;

namespace Vnd.Engine.Tests.Catalog;

/// <summary>
/// The catalog queries real clients send (files under Catalog/Queries, copied verbatim from psql 15, Npgsql 10,
/// pgJDBC 42.5 and Grafana), split into statements and run through a session's query path.
/// </summary>
internal static class ClientQueries
{
    public static IReadOnlyList<string> Statements(string file, string? oid = null)
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Catalog", "Queries", file));
        if (oid is not null)
            text = text.Replace("$OID", oid, StringComparison.Ordinal);
        var statements = new List<string>();
        foreach (var part in text.Split([";\n", ";\r\n"], StringSplitOptions.None))
        {
            var statement = part.Trim().TrimEnd(';');
            if (statement.Length > 0)
                statements.Add(statement);
        }
        return statements;
    }

    /// <summary>Runs every statement of a file; returns the last result.</summary>
    public static QueryResult RunAll(QueryRunner session, string file, string? oid = null)
    {
        QueryResult? last = null;
        foreach (var statement in Statements(file, oid))
            last = session.Run(statement);
        return last ?? throw new InvalidOperationException($"{file} holds no statement");
    }

    public static List<string> Column(QueryResult result, int column) =>
        result.Rows.Select(r => r[column]?.ToString() ?? "NULL").ToList();
}
