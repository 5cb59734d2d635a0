using Vnd.Planner.Catalog;
using Vnd.Planner.Errors;
using Vnd.Planner.Syntax.Ast;

namespace Vnd.Planner.Binding;

/// <summary>
/// Named notation, <c>make_interval(days => 3, secs => 1.5)</c>: the call is rewritten into positional form
/// before overload resolution — named values moved to their parameters' places and the gaps filled with the
/// parameters' defaults — so the rest of binding sees an ordinary call. Errors follow PostgreSQL: a positional
/// argument after a named one or a name given twice is 42601; a name the function lacks, or a required parameter
/// left out, is 42883 (no such function).
/// </summary>
internal static class NamedArguments
{
    public static bool Present(FunctionCall f)
    {
        foreach (var argument in f.Arguments)
        {
            if (argument is NamedArgument)
                return true;
        }
        return false;
    }

    public static FunctionCall ToPositional(FunctionCall f)
    {
        var name = f.Name[^1];
        var positional = 0;
        while (positional < f.Arguments.Count && f.Arguments[positional] is not NamedArgument)
            positional++;
        var parameters = f.Name.Count == 1 || f.Name[0] == "pg_catalog" ? BuiltinParameterNames.Of(name) : null;
        var slots = new Expr?[Math.Max(positional, parameters?.Names.Count ?? 0)];
        for (var i = 0; i < positional; i++)
            slots[i] = f.Arguments[i];
        var last = positional - 1;
        for (var i = positional; i < f.Arguments.Count; i++)
        {
            if (f.Arguments[i] is not NamedArgument named)
                throw BinderErrors.Error(SqlState.SyntaxError, "positional argument cannot follow named argument", f.Arguments[i]);
            var index = parameters is null ? -1 : IndexOf(parameters.Names, named.Name);
            if (index < 0)
                throw NoSuchFunction(f, $"{name} has no parameter named \"{named.Name}\"", named);
            if (slots[index] is not null)
                throw BinderErrors.Error(SqlState.SyntaxError, $"argument name \"{named.Name}\" used more than once", named);
            slots[index] = named.Value;
            last = Math.Max(last, index);
        }
        var arguments = new List<Expr>(last + 1);
        for (var i = 0; i <= last; i++)
        {
            var value = slots[i] ?? parameters!.Defaults[i]
                ?? throw NoSuchFunction(f, $"{name} needs a value for its parameter \"{parameters.Names[i]}\"", f);
            arguments.Add(value);
        }
        if (parameters is not null && arguments.Count < parameters.Required)
            throw NoSuchFunction(f, $"{name} needs a value for its parameter \"{parameters.Names[arguments.Count]}\"", f);
        return f with { Arguments = SqlList.From(arguments) };
    }

    private static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (names[i] == name)
                return i;
        }
        return -1;
    }

    private static SqlException NoSuchFunction(FunctionCall f, string detail, SqlNode at) =>
        BinderErrors.Error(SqlState.UndefinedFunction, $"function {string.Join('.', f.Name)} does not exist: {detail}", at);
}
