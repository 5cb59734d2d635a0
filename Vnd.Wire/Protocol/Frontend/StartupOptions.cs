using System.Text;
using Vnd.Wire.Errors;

namespace Vnd.Wire.Protocol.Frontend;

/// <summary>
/// The startup parameter <c>options</c>: command-line switches for the backend, as libpq sends PGOPTIONS
/// (<c>-c search_path=a -c statement_timeout=5s</c>, <c>--name=value</c>). PostgreSQL splits it at whitespace with
/// backslash escaping the next character, and applies each <c>-c name=value</c> as a setting before the other
/// startup parameters, which therefore win. Only the setting switches are accepted: the others configure a
/// server process and have no meaning for a VND session.
/// </summary>
public static class StartupOptions
{
    public const string ParameterName = "options";

    /// <summary>Adds the settings of the <c>options</c> parameter to <paramref name="parameters"/> unless a parameter of that name (ignoring case) is already there.</summary>
    public static void Expand(Dictionary<string, string> parameters)
    {
        if (!parameters.TryGetValue(ParameterName, out var options))
            return;
        foreach (var (name, value) in Settings(options))
        {
            if (Find(parameters, name) is null)
                parameters[name] = value;
        }
    }

    /// <summary>The value of a startup parameter looked up as PostgreSQL looks up setting names: ignoring case.</summary>
    public static string? Find(IReadOnlyDictionary<string, string> parameters, string name)
    {
        if (parameters.TryGetValue(name, out var exact))
            return exact;
        foreach (var (key, value) in parameters)
        {
            if (key.Equals(name, StringComparison.OrdinalIgnoreCase))
                return value;
        }
        return null;
    }

    /// <summary>(name, value) of each setting switch, in order; 42601 (FATAL) for anything else.</summary>
    public static List<(string Name, string Value)> Settings(string options)
    {
        var words = Split(options);
        var settings = new List<(string, string)>();
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            string setting;
            if (word == "-c")
            {
                setting = i + 1 < words.Count ? words[++i] : throw Invalid(word, "-c requires a value");
            }
            else if (word.StartsWith("--", StringComparison.Ordinal) && word.Length > 2)
            {
                setting = word[2..];
            }
            else if (word.StartsWith("-c", StringComparison.Ordinal))
            {
                setting = word[2..];
            }
            else
            {
                throw Invalid(word, null);
            }
            var equals = setting.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
                throw Invalid(word, $"-c {setting} requires a value");
            // As PostgreSQL: a dash in a setting name on the command line stands for an underscore.
            settings.Add((setting[..equals].Replace('-', '_'), setting[(equals + 1)..]));
        }
        return settings;
    }

    /// <summary>PostgreSQL's pg_split_opts: words separated by whitespace; a backslash makes the next character literal.</summary>
    public static List<string> Split(string options)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        for (var i = 0; i < options.Length; i++)
        {
            var c = options[i];
            if (char.IsWhiteSpace(c))
            {
                if (inWord)
                    words.Add(word.ToString());
                word.Clear();
                inWord = false;
                continue;
            }
            if (c == '\\' && i + 1 < options.Length)
                c = options[++i];
            word.Append(c);
            inWord = true;
        }
        if (inWord)
            words.Add(word.ToString());
        return words;
    }

    private static PgErrorException Invalid(string word, string? detail) =>
        new(SqlState.SyntaxError, detail is null ? $"invalid command-line argument for server process: {word}" : detail, PgSeverity.Fatal,
            hint: detail is null ? "Only -c name=value and --name=value are accepted in options." : null);
}
