using System.Collections.Concurrent;
using Vnd.Planner.Syntax;
using Vnd.Planner.Syntax.Ast;

namespace Vnd.Engine.Sessions;

/// <summary>
/// Parsed statements by their exact text, shared by a server's sessions. Dashboards, pgbench and drivers send the
/// same text again and again, and parsing was the largest cost of a small query; ASTs are immutable, so one parse
/// serves every session. Bounded: when full it starts over (texts that carry literals rarely repeat anyway).
/// Texts that fail to parse are not kept, so each gets its error with its position.
/// </summary>
public sealed class StatementCache(int capacity = 4096, int maxTextLength = 16 * 1024)
{
    private readonly ConcurrentDictionary<string, SqlList<Statement>> _statements = new(StringComparer.Ordinal);

    public SqlList<Statement> Parse(string sql)
    {
        if (sql.Length > maxTextLength)
            return SqlParser.ParseScript(sql);
        if (_statements.TryGetValue(sql, out var cached))
            return cached;
        var parsed = SqlParser.ParseScript(sql);
        if (_statements.Count >= capacity)
            _statements.Clear();
        _statements[sql] = parsed;
        return parsed;
    }
}
