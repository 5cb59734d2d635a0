using Pidgin;
using Vnd.Planner.Syntax.Ast;
using Vnd.Planner.Syntax.Lexing;
using static Pidgin.Parser;
using static Vnd.Planner.Syntax.Parsing.Tok;

namespace Vnd.Planner.Syntax.Parsing;

/// <summary>
/// Type names (PostgreSQL's Typename): SQL-standard multi-word spellings, generic (qualified) names with
/// modifiers, and array suffixes. Standard spellings map to internal names as gram.y does.
/// </summary>
internal static class TypeNameGrammar
{
    private static readonly Parser<Token, SqlList<Expr>> Modifiers =
        OrEmpty(Parens(ListOf(Rec(() => ExpressionGrammar.Expr))));

    /// <summary>WITH TIME ZONE → true, WITHOUT TIME ZONE → false, nothing → false.</summary>
    private static readonly Parser<Token, bool> TimeZoneSuffix = OneOf(
        Kws("with", "time", "zone").ThenReturn(true),
        Kws("without", "time", "zone").ThenReturn(false),
        Parser<Token>.Return(false));

    private static readonly Parser<Token, (string Name, SqlList<Expr> Modifiers)> DateTime = Map(
        (word, mods, zone) => (word.Text + (zone ? "tz" : string.Empty), mods),
        Kw("timestamp").Or(Kw("time")), Modifiers, TimeZoneSuffix);

    private static readonly Parser<Token, (string Name, SqlList<Expr> Modifiers)> Character = Map(
        (_, varying, mods) => (varying ? "varchar" : "bpchar", mods),
        OneOf(Kw("character"), Kw("char"), Kws("national", "character")), Flag(Kw("varying")), Modifiers);

    private static readonly Parser<Token, (string Name, SqlList<Expr> Modifiers)> Bit = Map(
        (_, varying, mods) => (varying ? "varbit" : "bit", mods), Kw("bit"), Flag(Kw("varying")), Modifiers);

    private static readonly Parser<Token, (string Name, SqlList<Expr> Modifiers)> Float = Map(
        (_, mods) => (mods.Count == 1 && mods[0] is IntegerLiteral { Value: <= 24 } ? "float4" : "float8", SqlList<Expr>.Empty),
        Kw("float"), Modifiers);

    private static readonly Parser<Token, (SqlList<string> Names, SqlList<Expr> Modifiers)> Generic = Map(
        (first, rest, mods) => (Normalise(first, rest), mods),
        Match(t => t.Kind == TokenKind.QuotedIdentifier || (t.Kind == TokenKind.Identifier && Keywords.IsFunctionName(t.Text))),
        Dot.Then(ColLabel).Many(),
        Modifiers);

    private static readonly Parser<Token, int> ArraySuffix = OneOf(
        LBracket.Then(Kind(TokenKind.Integer).Optional()).Then(RBracket).ThenReturn(1),
        Kw("array").Then(Parens(Kind(TokenKind.Integer)).Optional()).ThenReturn(1))
        .Many().Select(dims => dims.Sum());

    public static readonly Parser<Token, TypeName> TypeName = Map(
        (first, name, dims) => new TypeName(name.Names, name.Modifiers, dims) { Position = first.Position },
        Lookahead(Parser<Token>.Any),
        OneOf(
            Kws("double", "precision").ThenReturn((Names: SqlList.Create<string>(["float8"]), Modifiers: SqlList<Expr>.Empty)),
            DateTime.Select(Single),
            Character.Select(Single),
            Bit.Select(Single),
            Float.Select(Single),
            Generic),
        ArraySuffix).Labelled("type name");

    private static (SqlList<string> Names, SqlList<Expr> Modifiers) Single((string Name, SqlList<Expr> Modifiers) type) =>
        (SqlList.Create<string>([type.Name]), type.Modifiers);

    /// <summary>Internal names for the unqualified standard spellings (gram.y's SystemTypeName).</summary>
    internal static SqlList<string> Normalise(Token first, IEnumerable<string> rest)
    {
        var names = Prepend(first.Text, rest);
        if (names.Count != 1 || first.Kind == TokenKind.QuotedIdentifier)
        {
            return names;
        }

        string? internalName = first.Text switch
        {
            "int" or "integer" => "int4",
            "smallint" => "int2",
            "bigint" => "int8",
            "real" => "float4",
            "boolean" => "bool",
            "decimal" or "dec" => "numeric",
            "varchar" => "varchar",
            _ => null,
        };
        return internalName is null ? names : SqlList.Create<string>([internalName]);
    }
}
