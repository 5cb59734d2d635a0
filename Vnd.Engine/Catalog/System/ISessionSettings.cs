namespace Vnd.Engine.Catalog.System;

/// <summary>
/// The run-time settings the catalog reads (current_setting, pg_settings, pg_stat_activity) and set_config writes.
/// A wire session supplies its own (SET/SHOW/RESET act on the same values); the embedded query path uses
/// <see cref="SessionSettings"/>.
/// </summary>
public interface ISessionSettings
{
    /// <summary>The current value, or null for a parameter PostgreSQL would call unrecognized.</summary>
    string? Get(string name);

    /// <summary>set_config: a <paramref name="local"/> change lasts until the end of the transaction (SET LOCAL).</summary>
    void Set(string name, string value, bool local = false);

    /// <summary>All parameters in name order: (name as PostgreSQL spells it, value, description).</summary>
    IEnumerable<(string Name, string Value, string Description)> All();
}
