using System.Globalization;
using System.Text;
using Vnd.Planner.Syntax.Ast;
using Vnd.Planner.Syntax.Lexing;

namespace Vnd.Planner.Syntax.Formatting;

/// <summary>
/// Prints an AST back as canonical SQL with every operator application parenthesised, e.g. <c>a + b * c</c> →
/// <c>(a + (b * c))</c>. Tests use it to check precedence and shape cheaply; EXPLAIN and error messages can use it
/// to show expressions. The output parses back to the same tree (modulo redundant parentheses).
/// </summary>
public static partial class SqlFormatter
{
    public static string Format(SqlNode node)
    {
        var sql = new StringBuilder();
        Write(sql, node);
        return sql.ToString();
    }

    public static string Format(IEnumerable<Statement> script) => string.Join(";\n", script.Select(Format));

    private static void Write(StringBuilder sql, SqlNode node)
    {
        switch (node)
        {
            case Expr e: WriteExpr(sql, e); break;
            case Statement s: WriteStatement(sql, s); break;
            case QueryBody q: WriteBody(sql, q); break;
            case TableRef t: WriteTable(sql, t); break;
            case TypeName t: WriteType(sql, t); break;
            case OrderItem o: WriteOrderItem(sql, o); break;
            case SelectItem s: WriteSelectItem(sql, s); break;
            case WindowSpec w: WriteWindow(sql, w); break;
            default: sql.Append(node.GetType().Name); break;
        }
    }

    /// <summary>Identifiers print bare when they would lex back unchanged, else double-quoted.</summary>
    public static string Identifier(string name)
    {
        var plain = name.Length > 0 && (char.IsAsciiLetterLower(name[0]) || name[0] == '_')
            && name.AsSpan().IndexOfAnyExcept("abcdefghijklmnopqrstuvwxyz0123456789_$") < 0
            && !Keywords.Reserved.Contains(name) && !Keywords.TypeFuncName.Contains(name);
        return plain ? name : "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    private static void WriteName(StringBuilder sql, IEnumerable<string> names)
    {
        var first = true;
        foreach (var name in names)
        {
            if (!first)
            {
                sql.Append('.');
            }

            sql.Append(name == "*" ? "*" : Identifier(name));
            first = false;
        }
    }

    private static string Quote(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    private static void WriteList<T>(StringBuilder sql, IEnumerable<T> items, Action<StringBuilder, T> write, string separator = ", ")
    {
        var first = true;
        foreach (var item in items)
        {
            if (!first)
            {
                sql.Append(separator);
            }

            write(sql, item);
            first = false;
        }
    }

    private static void WriteType(StringBuilder sql, TypeName type)
    {
        WriteName(sql, type.Names);
        if (type.Modifiers.Count > 0)
        {
            sql.Append('(');
            WriteList(sql, type.Modifiers, WriteExpr);
            sql.Append(')');
        }

        for (var i = 0; i < type.ArrayDimensions; i++)
        {
            sql.Append("[]");
        }
    }

    private static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);
}
