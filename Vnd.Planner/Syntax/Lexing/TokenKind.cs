namespace Vnd.Planner.Syntax.Lexing;

public enum TokenKind
{
    /// <summary>Unquoted word (keyword or identifier), folded to lower case.</summary>
    Identifier,
    /// <summary>"Quoted" identifier, case kept.</summary>
    QuotedIdentifier,
    /// <summary>Digits only; the parser decides between int8 and numeric.</summary>
    Integer,
    /// <summary>Decimal point or exponent present.</summary>
    Numeric,
    /// <summary>Any string form ('', E'', U&amp;'', $$ $$), already unescaped.</summary>
    String,
    /// <summary>B'0101' (text "b0101") or X'1F' (text "x1f").</summary>
    BitString,
    /// <summary>$n; text holds the digits.</summary>
    Parameter,
    Operator,
    LeftParen,
    RightParen,
    LeftBracket,
    RightBracket,
    Comma,
    Semicolon,
    Dot,
    Colon,
    DoubleColon,
    /// <summary>:= (the older spelling of a named argument's =>).</summary>
    ColonEquals,
}
