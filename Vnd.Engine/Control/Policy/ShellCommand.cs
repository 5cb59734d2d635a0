using System.Text;

namespace Vnd.Engine.Control.Policy;

/// <summary>
/// A command as an argument vector (run without a shell, so nothing is re-parsed) with a copy-pasteable display
/// form for operators and golden files.
/// </summary>
public sealed record ShellCommand(IReadOnlyList<string> Arguments)
{
    /// <summary>Builds a command from its arguments.</summary>
    public static ShellCommand Of(params string[] arguments) => new(arguments);

    /// <summary>The program to run.</summary>
    public string Program => Arguments[0];

    /// <summary>The POSIX-shell form: arguments with characters a shell would interpret are double-quoted.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        foreach (var argument in Arguments)
        {
            if (text.Length > 0)
                text.Append(' ');
            text.Append(NeedsQuotes(argument) ? $"\"{argument}\"" : argument);
        }
        return text.ToString();
    }

    private static bool NeedsQuotes(string argument)
    {
        if (argument.Length == 0)
            return true;
        foreach (var c in argument)
        {
            if (!char.IsAsciiLetterOrDigit(c) && "_-./:=,@+".IndexOf(c, StringComparison.Ordinal) < 0)
                return true;
        }
        return false;
    }
}
