using Microsoft.Data.Sqlite;

namespace Vnd.Engine.Control.State;

public sealed partial class ControlStateStore
{
    private long _localChanges;

    /// <summary>Kept prepared: the version is read for every statement of every session.</summary>
    private SqliteCommand? _dataVersion;

    /// <summary>
    /// Changes whenever the stored state may have changed: through this store (every write bumps a counter) or
    /// through another connection to the same file, e.g. a <c>vnd diagnosis</c> command run beside the server
    /// (SQLite's <c>PRAGMA data_version</c>, which only moves on other connections' commits). Callers cache what they
    /// read per version instead of querying SQLite for every statement a session runs.
    /// </summary>
    public (long External, long Local) Version
    {
        get
        {
            _dataVersion ??= new SqliteCommand("PRAGMA data_version", connection);
            return ((long)_dataVersion.ExecuteScalar()!, Interlocked.Read(ref _localChanges));
        }
    }

    private void Changed() => Interlocked.Increment(ref _localChanges);
}
