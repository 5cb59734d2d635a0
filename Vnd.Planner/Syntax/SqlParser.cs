using Pidgin;
using Vnd.Planner.Errors;
using Vnd.Planner.Syntax.Ast;
using Vnd.Planner.Syntax.Lexing;
using Vnd.Planner.Syntax.Parsing;

namespace Vnd.Planner.Syntax;

/// <summary>
/// Entry point of the SQL front end: PostgreSQL-dialect text → immutable AST.
/// Errors are <see cref="SqlException"/>s carrying a SQLSTATE and PostgreSQL's 1-based error position.
/// </summary>
public static class SqlParser
{
    /// <summary>Deeper nesting of ( and [ than this is refused up front with 54001, before any recursion.</summary>
    public const int MaxNestingDepth = 1000;

    private static readonly Parser<Token, SqlList<Statement>> Script =
        StatementGrammar.Statement.Optional().Separated(Tok.Semicolon).Before(Parser<Token>.End)
            .Select(statements => SqlList.From(statements.Where(s => s.HasValue).Select(s => s.Value)));

    private static readonly Parser<Token, Expr> StandaloneExpression = ExpressionGrammar.Expr.Before(Parser<Token>.End);

    /// <summary>
    /// Parses a script as the simple-query protocol sends it: statements separated by ';', empty statements
    /// and comment-only input allowed (an empty list).
    /// </summary>
    public static SqlList<Statement> ParseScript(string sql) => Run(Script, sql);

    /// <summary>Parses exactly one statement (a trailing ';' is allowed), as an extended-protocol Parse message carries.</summary>
    public static Statement ParseStatement(string sql)
    {
        var statements = ParseScript(sql);
        return statements.Count switch
        {
            1 => statements[0],
            0 => throw new SqlSyntaxException("syntax error at end of input", sql.Length + 1),
            _ => throw new SqlSyntaxException("cannot insert multiple commands into a prepared statement", (int?)null),
        };
    }

    /// <summary>Parses a lone value expression (tests, column defaults, ad-hoc filters).</summary>
    public static Expr ParseExpression(string sql) => Run(StandaloneExpression, sql);

    private static T Run<T>(Parser<Token, T> parser, string sql)
    {
        ArgumentNullException.ThrowIfNull(sql);
        var tokens = SqlLexer.Tokenize(sql);
        var depth = NestingDepth.Measure(tokens);
        try
        {
            var result = depth <= NestingDepth.InlineLimit
                ? parser.ParseReadOnlyList(tokens)
                : NestingDepth.RunWithLargeStack(() => parser.ParseReadOnlyList(tokens));
            return result.Success ? result.Value : throw ParseErrors.ToException(result.Error!, tokens, sql);
        }
        catch (InsufficientExecutionStackException ex)
        {
            throw new SqlException(SqlState.StatementTooComplex, "stack depth limit exceeded", null, ex);
        }
    }
}
