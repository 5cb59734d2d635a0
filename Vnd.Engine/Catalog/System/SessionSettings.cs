using Vnd.Engine.Sessions;

namespace Vnd.Engine.Catalog.System;

/// <summary>
/// The settings of a statement run outside a wire session (<c>vnd query</c>, the embedded query path): the same
/// names, defaults and descriptions a wire session starts from (<see cref="SettingDefinitions"/>, one list for
/// both), case-insensitive as GUC names are. pg_settings and current_setting read it; set_config writes it.
/// </summary>
public sealed class SessionSettings : ISessionSettings
{
    private readonly Dictionary<string, string> _values = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _names = new(StringComparer.OrdinalIgnoreCase);

    public SessionSettings()
    {
        foreach (var definition in SettingDefinitions.Known.Values)
        {
            _values[definition.Name] = definition.Default;
            _names[definition.Name] = definition.Name;
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
        if (SettingDefinitions.Known.TryGetValue(name, out var definition))
        {
            _values[definition.Name] = definition.Default;
            return;
        }
        _values.Remove(name);
        _names.Remove(name);
    }

    /// <summary>All parameters in name order: (name as PostgreSQL spells it, value, description).</summary>
    public IEnumerable<(string Name, string Value, string Description)> All()
    {
        foreach (var name in _names.Values.Order(StringComparer.OrdinalIgnoreCase))
            yield return (name, _values[name], SettingDefinitions.Known.TryGetValue(name, out var definition) ? definition.Description : "");
    }
}
