using System.Text;
using System.Text.RegularExpressions;
using Vnd.Executor.Expressions;
using Vnd.Executor.Vectors;

namespace Vnd.Executor.Operators.Sets;

/// <summary>
/// regexp_matches(text, pattern [, flags]): a text[] row per match, as <see cref="RegexSearchFunctions.WriteGroups"/>
/// forms it — the first match only, or every non-overlapping one with the g flag. No match (or a NULL argument)
/// gives no rows. Each stream owns its runner, so the compiled-pattern cache and the array writer are not shared.
/// </summary>
public sealed class RegexMatchesRunner(Expression[] arguments) : SetFunctionRunner(arguments)
{
    private readonly RegexCache _patterns = new();
    private readonly ArrayWriter _array = new(PhysicalType.VarBytes);
    private Match _next = Match.Empty;
    private Regex? _regex;
    private string _source = "";
    private bool _global;

    public override void Begin(int row)
    {
        _next = Match.Empty;
        Vector text = Argument(0), pattern = Argument(1);
        var flags = Arguments > 2 ? Argument(2) : null;
        if (text.IsNull(row) || pattern.IsNull(row) || (flags is not null && flags.IsNull(row)))
            return;
        var (options, global) = RegexFunctions.Flags(flags is null ? [] : flags.GetBytes(row));
        _global = global;
        _regex = _patterns.For(pattern.GetBytes(row), options);
        _source = Encoding.UTF8.GetString(text.GetBytes(row));
        _next = RegexFunctions.Run(() => _regex.Match(_source));
    }

    public override int Write(Vector output, int at, int max)
    {
        var written = 0;
        while (written < max && _next.Success)
        {
            RegexSearchFunctions.WriteGroups(_next, _array);
            _array.WriteTo(output, at + written++);
            _next = _global ? RegexFunctions.Run(() => RegexSearchFunctions.After(_regex!, _source, _next)) : Match.Empty;
        }
        return written;
    }
}
