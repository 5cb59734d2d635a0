namespace Vnd.Planner.Syntax.Lexing;

/// <summary>
/// One lexical token. <see cref="Text"/> is the normalised value (folded identifier, unescaped string);
/// <see cref="Position"/>/<see cref="Length"/> locate the raw token in the SQL text for error messages.
/// </summary>
public readonly record struct Token(TokenKind Kind, string Text, int Position, int Length)
{
    public bool IsWord(string lowerCaseWord) => Kind == TokenKind.Identifier && Text == lowerCaseWord;

    public bool IsOperator(string op) => Kind == TokenKind.Operator && Text == op;

    public override string ToString() => $"{Kind} '{Text}' @{Position}";
}
