using System.Globalization;
using Vnd.Planner.Distributed;
using Vnd.Wire.Errors;
using Vnd.Wire.Handlers;

namespace Vnd.Engine.Sessions;

/// <summary>
/// The session's run-time settings (GUCs) behind SET, SHOW, RESET and DISCARD ALL. Known settings are checked
/// and take effect (search_path on the catalog, TimeZone on timestamptz output, statement_timeout on every
/// statement); changes to reported settings go to the client as ParameterStatus. Like PostgreSQL, names with a dot
/// are custom settings anyone may set; any other unknown name is 42704.
/// Inside a transaction block changes are transactional as in PostgreSQL: ROLLBACK undoes SET and RESET, and
/// SET LOCAL lasts until the block ends either way (see <see cref="BeginTransaction"/>).
/// </summary>
public sealed class SessionSettings : Catalog.System.ISessionSettings
{
    private readonly PgSessionContext _context;
    private readonly SearchPathCatalog _catalog;
    private readonly Dictionary<string, string> _defaults = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _values = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The values when the open transaction block began; null outside a block.</summary>
    private Dictionary<string, string>? _atBegin;

    /// <summary>Session-level (not LOCAL) values set or reset in the open block, which COMMIT keeps; null = removed custom setting.</summary>
    private readonly Dictionary<string, string?> _committable = new(StringComparer.OrdinalIgnoreCase);

    public SessionSettings(PgSessionContext context, SearchPathCatalog catalog)
    {
        _context = context;
        _catalog = catalog;
        foreach (var definition in SettingDefinitions.Known.Values)
            _defaults[definition.Name] = definition.Default;
        _defaults["is_superuser"] = context.IsAdmin ? "on" : "off";
        _defaults["session_authorization"] = context.User;
        _defaults["TimeZone"] = context.TimeZone.Id;
        foreach (var (name, value) in context.StartupParameters)
        {
            // Startup values become the session's defaults (RESET returns to them), as in PostgreSQL.
            if (SettingDefinitions.Known.TryGetValue(name, out var definition))
            {
                if (definition.Kind is not (SettingKind.ReadOnly or SettingKind.TimeZone))
                    _defaults[definition.Name] = Normalize(definition, value);
            }
            else if (name.Contains('.', StringComparison.Ordinal))
            {
                _defaults[name] = value; // a custom setting (-c vnd.x=… in options)
            }
        }
        ResetAll(report: false);
    }

    public TimeSpan StatementTimeout { get; private set; }

    public TimeSpan IdleSessionTimeout { get; private set; }

    public TimeSpan IdleInTransactionTimeout { get; private set; }

    /// <summary>vnd.join_strategy: which strategies the distributed planner may use for joins across sites.</summary>
    public JoinStrategyChoice JoinStrategy { get; private set; }

    /// <summary>temp_buffers: the bytes this session's temporary tables may hold together.</summary>
    public long TempBuffersBytes { get; private set; }

    /// <summary>SET [LOCAL] name = values (empty = DEFAULT). A LOCAL change is undone when the transaction block ends.</summary>
    public void Set(string name, IReadOnlyList<string> values, bool local = false)
    {
        if (values.Count == 0)
        {
            Reset(name, local);
            return;
        }
        if (!SettingDefinitions.Known.TryGetValue(name, out var definition))
        {
            var custom = Custom(name);
            _values[custom] = string.Join(", ", values);
            Remember(custom, _values[custom], local);
            return;
        }
        if (definition.Kind == SettingKind.ReadOnly)
            throw new PgErrorException("55P02", $"parameter \"{definition.Name}\" cannot be changed");
        if (definition.Kind != SettingKind.SearchPath && values.Count > 1)
            throw new PgErrorException("22023", $"SET {definition.Name} takes only one argument");
        Apply(definition, Normalize(definition, definition.Kind == SettingKind.SearchPath ? SearchPathText(values) : values[0]), report: true);
        Remember(definition.Name, _values[definition.Name], local);
    }

    /// <summary>BEGIN: from here on, changes are undone by ROLLBACK, and LOCAL ones by COMMIT too.</summary>
    public void BeginTransaction()
    {
        _atBegin = new Dictionary<string, string>(_values, StringComparer.OrdinalIgnoreCase);
        _committable.Clear();
    }

    /// <summary>
    /// COMMIT or ROLLBACK: the values return to those at BEGIN, plus (on commit) the session-level changes made in
    /// the block. Reported settings that change go to the client as ParameterStatus, as PostgreSQL sends them.
    /// </summary>
    public void EndTransaction(bool commit)
    {
        if (_atBegin is not { } target)
            return;
        _atBegin = null;
        if (commit)
        {
            foreach (var (name, value) in _committable)
            {
                if (value is null)
                    target.Remove(name);
                else
                    target[name] = value;
            }
        }
        _committable.Clear();
        foreach (var name in _values.Keys.Where(n => !target.ContainsKey(n)).ToList())
            _values.Remove(name);
        foreach (var (name, value) in target)
        {
            if (SettingDefinitions.Known.TryGetValue(name, out var definition))
                Apply(definition, value, report: definition.Kind != SettingKind.ReadOnly);
            else
                _values[name] = value;
        }
    }

    /// <summary>Notes a change made inside a block: a session-level one survives COMMIT, a LOCAL one does not.</summary>
    private void Remember(string name, string? value, bool local)
    {
        if (_atBegin is not null && !local)
            _committable[name] = value;
    }

    string? Catalog.System.ISessionSettings.Get(string name) => _values.TryGetValue(name, out var value) ? value : null;

    /// <summary>
    /// set_config(name, value, is_local): as SET [LOCAL], one value (a search_path list stays one string). Outside a
    /// block a local change would end with its statement's implicit transaction, so it is not kept.
    /// </summary>
    void Catalog.System.ISessionSettings.Set(string name, string value, bool local)
    {
        if (local && _atBegin is null)
            return;
        Set(name, SettingDefinitions.Known.TryGetValue(name, out var d) && d.Kind == SettingKind.SearchPath
            ? value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            : [value], local);
    }

    IEnumerable<(string Name, string Value, string Description)> Catalog.System.ISessionSettings.All() => All();

    /// <summary>SHOW name.</summary>
    public string Show(string name)
    {
        if (_values.TryGetValue(name, out var value))
            return value;
        throw new PgErrorException("42704", $"unrecognized configuration parameter \"{name}\"");
    }

    /// <summary>The canonical spelling of a known setting (SHOW's column name is the name as typed, lower-cased).</summary>
    public static string DisplayName(string name) => name.ToLowerInvariant();

    /// <summary>RESET name (SET LOCAL name TO DEFAULT when <paramref name="local"/>).</summary>
    public void Reset(string name, bool local = false)
    {
        if (!SettingDefinitions.Known.TryGetValue(name, out var definition))
        {
            var custom = Custom(name);
            if (_defaults.TryGetValue(custom, out var initial))
                _values[custom] = initial;
            else
                _values.Remove(custom);
            Remember(custom, initial, local);
            return;
        }
        if (definition.Kind == SettingKind.ReadOnly)
            throw new PgErrorException("55P02", $"parameter \"{definition.Name}\" cannot be changed");
        Apply(definition, _defaults[definition.Name], report: true);
        Remember(definition.Name, _values[definition.Name], local);
    }

    /// <summary>RESET ALL / DISCARD ALL: every setting back to its session default; custom settings disappear.</summary>
    public void ResetAll(bool report = true)
    {
        foreach (var name in _values.Keys.ToList())
        {
            if (!SettingDefinitions.Known.ContainsKey(name) && !_defaults.ContainsKey(name))
            {
                _values.Remove(name);
                Remember(name, null, local: false);
            }
        }
        foreach (var (name, initial) in _defaults)
        {
            if (!SettingDefinitions.Known.ContainsKey(name))
            {
                _values[name] = initial;
                Remember(name, initial, local: false);
            }
        }
        foreach (var definition in SettingDefinitions.Known.Values)
        {
            Apply(definition, _defaults[definition.Name], report && definition.Kind != SettingKind.ReadOnly);
            Remember(definition.Name, _values[definition.Name], local: false);
        }
    }

    /// <summary>SHOW ALL: (name, setting, description) in name order.</summary>
    public IEnumerable<(string Name, string Setting, string Description)> All()
    {
        foreach (var (name, value) in _values.OrderBy(v => v.Key, StringComparer.OrdinalIgnoreCase))
        {
            var description = SettingDefinitions.Known.TryGetValue(name, out var definition) ? definition.Description : "";
            yield return (name, value, description);
        }
    }

    private static string Custom(string name) =>
        name.Contains('.', StringComparison.Ordinal)
            ? name
            : throw new PgErrorException("42704", $"unrecognized configuration parameter \"{name}\"");

    private void Apply(SettingDefinition definition, string value, bool report)
    {
        var changed = !_values.TryGetValue(definition.Name, out var previous) || previous != value;
        _values[definition.Name] = value;
        switch (definition.Kind)
        {
            case SettingKind.Duration:
                var duration = TimeSpan.FromMilliseconds(Milliseconds(definition.Name, value));
                switch (definition.Name)
                {
                    case "statement_timeout": StatementTimeout = duration; break;
                    case "idle_session_timeout": IdleSessionTimeout = duration; break;
                    case "idle_in_transaction_session_timeout": IdleInTransactionTimeout = duration; break;
                }
                break;
            case SettingKind.Memory:
                TempBuffersBytes = Kilobytes(definition.Name, value) * 1024;
                break;
            case SettingKind.SearchPath:
                _catalog.SetPath(SettingValues.SplitList(value));
                break;
            case SettingKind.JoinStrategy:
                JoinStrategy = JoinStrategyChoices.TryParse(value, out var choice) ? choice : throw JoinStrategyInvalid(value);
                break;
            case SettingKind.TimeZone when changed && report:
                _context.TimeZone = Zone(value);
                return;
        }
        if (changed && report && definition.Reported)
            _context.ReportParameter(definition.Name, value);
    }

    private static string Normalize(SettingDefinition definition, string value) => definition.Kind switch
    {
        SettingKind.Duration => SettingValues.FormatMilliseconds(Milliseconds(definition.Name, value)),
        SettingKind.Memory => SettingValues.FormatKilobytes(Kilobytes(definition.Name, value)),
        SettingKind.FloatDigits => int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var digits) && digits is >= -15 and <= 3
            ? digits.ToString(CultureInfo.InvariantCulture)
            : throw Invalid(definition.Name, value),
        SettingKind.Fixed => string.Equals(value, definition.Default, StringComparison.OrdinalIgnoreCase)
            || (definition.Default == "on" && value.ToLowerInvariant() is "true" or "1" or "yes")
            ? definition.Default
            : throw new PgErrorException("0A000", $"VND supports only {definition.Name} = {definition.Default}"),
        SettingKind.JoinStrategy => JoinStrategyChoices.TryParse(value, out var choice)
            ? JoinStrategyChoices.Name(choice)
            : throw JoinStrategyInvalid(value),
        SettingKind.DateStyle => SettingValues.DateStyle(value) ?? throw Invalid(definition.Name, value),
        SettingKind.TimeZone => Zone(value).Id,
        SettingKind.ClientEncoding => value.Replace("-", "", StringComparison.Ordinal).ToUpperInvariant() is "UTF8" or "UNICODE"
            ? "UTF8"
            : throw new PgErrorException("0A000", $"conversion between {value} and UTF8 is not supported"),
        _ => value,
    };

    private static long Milliseconds(string name, string value) =>
        SettingValues.TryParseMilliseconds(value, out var milliseconds) ? milliseconds : throw Invalid(name, value);

    private static long Kilobytes(string name, string value) =>
        SettingValues.TryParseKilobytes(value, out var kilobytes) && kilobytes is > 0 and < long.MaxValue / 1024 ? kilobytes : throw Invalid(name, value);

    private static TimeZoneInfo Zone(string name) =>
        name.Equals("utc", StringComparison.OrdinalIgnoreCase) || name.Equals("gmt", StringComparison.OrdinalIgnoreCase) || name.Equals("z", StringComparison.OrdinalIgnoreCase)
            ? TimeZoneInfo.Utc
            : TimeZoneInfo.TryFindSystemTimeZoneById(name, out var zone)
                ? zone
                : throw new PgErrorException("22023", $"invalid value for parameter \"TimeZone\": \"{name}\"");

    private static string SearchPathText(IReadOnlyList<string> values) =>
        string.Join(", ", values.Select(v => v == "$user" ? "\"$user\"" : v));

    private static PgErrorException JoinStrategyInvalid(string value) =>
        new("22023", $"invalid value for parameter \"vnd.join_strategy\": \"{value}\"", hint: "Available values: " + JoinStrategyChoices.Names + ".");

    private static PgErrorException Invalid(string name, string value) =>
        new("22023", $"invalid value for parameter \"{name}\": \"{value}\"");
}
