using System.Globalization;

namespace Vnd.Engine.Catalog.System;

/// <summary>
/// A session's run-time parameters, with PostgreSQL's defaults and names (case-insensitive, as GUC names are).
/// pg_settings and current_setting read it; SET, RESET and set_config write it.
/// </summary>
public sealed class SessionSettings : ISessionSettings
{
    private static readonly (string Name, string Value, string Description)[] Defaults =
    [
        ("application_name", "", "Sets the application name to be reported in statistics and logs."),
        ("client_encoding", "UTF8", "Sets the client's character set encoding."),
        ("DateStyle", "ISO, MDY", "Sets the display format for date and time values."),
        ("default_transaction_read_only", "off", "Sets the default read-only status of new transactions."),
        ("extra_float_digits", "1", "Sets the number of digits displayed for floating-point values."),
        ("in_hot_standby", "off", "Shows whether hot standby is currently active."),
        ("integer_datetimes", "on", "Shows whether datetimes are integer based."),
        ("IntervalStyle", "postgres", "Sets the display format for interval values."),
        ("is_superuser", "off", "Shows whether the current user is a superuser."),
        ("lc_collate", "C", "Shows the collation order locale."),
        ("lc_ctype", "C", "Shows the character classification and case conversion locale."),
        ("max_identifier_length", "63", "Shows the maximum identifier length."),
        ("max_index_keys", "32", "Shows the maximum number of index keys."),
        ("search_path", "\"$user\", public", "Sets the schema search order for names that are not schema-qualified."),
        ("server_encoding", "UTF8", "Shows the server (database) character set encoding."),
        ("server_version", SessionInfo.ServerVersion, "Shows the server version."),
        ("server_version_num", SessionInfo.ServerVersionNumber.ToString(CultureInfo.InvariantCulture), "Shows the server version as an integer."),
        ("standard_conforming_strings", "on", "Causes '...' strings to treat backslashes literally."),
        ("statement_timeout", "0", "Sets the maximum allowed duration of any statement."),
        ("TimeZone", "UTC", "Sets the time zone for displaying and interpreting time stamps."),
        ("transaction_isolation", "read committed", "Sets the current transaction's isolation level."),
        ("transaction_read_only", "off", "Sets the current transaction's read-only status."),
    ];

    private readonly Dictionary<string, string> _values = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _names = new(StringComparer.OrdinalIgnoreCase);

    public SessionSettings()
    {
        foreach (var (name, value, _) in Defaults)
        {
            _values[name] = value;
            _names[name] = name;
        }
    }

    /// <summary>The current value, or null for a parameter PostgreSQL would call unrecognized.</summary>
    public string? Get(string name) => _values.TryGetValue(name, out var value) ? value : null;

    /// <summary>
    /// Sets a parameter; names VND does not know are kept too (clients set their own, e.g. extra_float_digits).
    /// The embedded path has no transaction blocks, so a local change ends with its statement: it is not kept.
    /// </summary>
    public void Set(string name, string value, bool local = false)
    {
        if (local)
            return;
        _values[name] = value;
        _names.TryAdd(name, name);
    }

    public void Reset(string name)
    {
        foreach (var (known, value, _) in Defaults)
        {
            if (string.Equals(known, name, StringComparison.OrdinalIgnoreCase))
            {
                _values[known] = value;
                return;
            }
        }
        _values.Remove(name);
        _names.Remove(name);
    }

    /// <summary>All parameters in name order: (name as PostgreSQL spells it, value, description).</summary>
    public IEnumerable<(string Name, string Value, string Description)> All()
    {
        foreach (var name in _names.Values.Order(StringComparer.OrdinalIgnoreCase))
        {
            var description = "";
            foreach (var (known, _, text) in Defaults)
            {
                if (known == name)
                    description = text;
            }
            yield return (name, _values[name], description);
        }
    }
}
