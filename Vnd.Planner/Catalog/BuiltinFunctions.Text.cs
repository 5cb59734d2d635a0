using Vnd.Planner.Syntax.Ast;
using Vnd.Planner.Types;

namespace Vnd.Planner.Catalog;

public static partial class BuiltinFunctions
{
    /// <summary>Character editing (pg_proc's text functions). Text overloads come before bytea ones: an untyped
    /// literal picks the first candidate of equal cost, and PostgreSQL prefers text for it.</summary>
    private static void AddTextEditing(List<FunctionSignature> f)
    {
        foreach (var name in (string[])["left", "right", "repeat"])
        {
            f.Add(Fn(name, [SqlType.Text, SqlType.Int4], SqlType.Text));
        }
        foreach (var name in (string[])["lpad", "rpad"])
        {
            f.Add(Fn(name, [SqlType.Text, SqlType.Int4], SqlType.Text));
            f.Add(Fn(name, [SqlType.Text, SqlType.Int4, SqlType.Text], SqlType.Text));
        }
        foreach (var name in (string[])["reverse", "initcap", "quote_literal", "quote_nullable"])
        {
            f.Add(Fn(name, [SqlType.Text], SqlType.Text));
        }
        // quote_literal(anyelement) and quote_nullable(anyelement): the value's text form, quoted (after the text
        // overloads, so text and untyped literals still pick those).
        foreach (var name in (string[])["quote_literal", "quote_nullable"])
        {
            f.Add(Fn(name, [SqlType.Unknown], SqlType.Text));
        }
        f.Add(Fn("translate", [SqlType.Text, SqlType.Text, SqlType.Text], SqlType.Text));
        f.Add(Fn("strpos", [SqlType.Text, SqlType.Text], SqlType.Int4));
        f.Add(Fn("starts_with", [SqlType.Text, SqlType.Text], SqlType.Bool));
        f.Add(Fn("chr", [SqlType.Int4], SqlType.Text));
        f.Add(Fn("ascii", [SqlType.Text], SqlType.Int4));
        f.Add(Fn("to_hex", [SqlType.Int4], SqlType.Text));
        f.Add(Fn("to_hex", [SqlType.Int8], SqlType.Text));
        f.Add(Fn("overlay", [SqlType.Text, SqlType.Text, SqlType.Int4], SqlType.Text));
        f.Add(Fn("overlay", [SqlType.Text, SqlType.Text, SqlType.Int4, SqlType.Int4], SqlType.Text));
        f.Add(Fn("similar_to_escape", [SqlType.Text], SqlType.Text));
        f.Add(Fn("similar_to_escape", [SqlType.Text, SqlType.Text], SqlType.Text));
        foreach (var name in (string[])["octet_length", "bit_length"])
        {
            f.Add(Fn(name, [SqlType.Text], SqlType.Int4));
        }
    }

    /// <summary>PostgreSQL 15's positional regular-expression functions: each optional argument adds an overload,
    /// as in pg_proc. regexp_replace's fourth argument is either the flags (text) or a start position.</summary>
    private static void AddRegexSearchFunctions(List<FunctionSignature> f)
    {
        SqlType t = SqlType.Text, i = SqlType.Int4;
        f.Add(Fn("regexp_count", [t, t], i));
        f.Add(Fn("regexp_count", [t, t, i], i));
        f.Add(Fn("regexp_count", [t, t, i, t], i));
        SqlType[] instr = [t, t, i, i, i, t, i];
        for (var n = 2; n <= instr.Length; n++)
        {
            f.Add(Fn("regexp_instr", SqlList.From(instr[..n]), i));
        }
        SqlType[] substr = [t, t, i, i, t, i];
        for (var n = 2; n <= substr.Length; n++)
        {
            f.Add(Fn("regexp_substr", SqlList.From(substr[..n]), t));
        }
        f.Add(Fn("regexp_match", [t, t], SqlType.ArrayOf(t)));
        f.Add(Fn("regexp_match", [t, t, t], SqlType.ArrayOf(t)));
        f.Add(Fn("regexp_replace", [t, t, t, i], t));
        f.Add(Fn("regexp_replace", [t, t, t, i, i], t));
        f.Add(Fn("regexp_replace", [t, t, t, i, i, t], t));
    }

    private static void AddBytea(List<FunctionSignature> f)
    {
        foreach (var name in (string[])["length", "octet_length", "bit_length"])
        {
            f.Add(Fn(name, [SqlType.Bytea], SqlType.Int4));
        }
        f.Add(Fn("encode", [SqlType.Bytea, SqlType.Text], SqlType.Text));
        f.Add(Fn("decode", [SqlType.Text, SqlType.Text], SqlType.Bytea));
        foreach (var name in (string[])["sha224", "sha256", "sha384", "sha512"])
        {
            f.Add(Fn(name, [SqlType.Bytea], SqlType.Bytea));
        }
        f.Add(Fn("get_byte", [SqlType.Bytea, SqlType.Int4], SqlType.Int4));
        f.Add(Fn("md5", [SqlType.Bytea], SqlType.Text));
    }
}
