using Pidgin;
using Vnd.Planner.Errors;
using Vnd.Planner.Syntax.Lexing;

namespace Vnd.Planner.Syntax.Parsing;

/// <summary>Turns a Pidgin failure into PostgreSQL's wording: syntax error at or near "tok" / at end of input.</summary>
internal static class ParseErrors
{
    public static SqlException ToException(ParseError<Token> error, List<Token> tokens, string sql)
    {
        if (error.Unexpected.HasValue)
        {
            return AtToken(error.Unexpected.Value, sql);
        }

        if (error.EOF || error.ErrorOffset >= tokens.Count)
        {
            return new SqlSyntaxException("syntax error at end of input", sql.Length + 1);
        }

        return AtToken(tokens[error.ErrorOffset], sql);
    }

    private static SqlSyntaxException AtToken(Token token, string sql) =>
        new("syntax error at or near \"" + sql.Substring(token.Position, token.Length) + "\"", token.Position + 1);
}
