using System.Security.Cryptography;

namespace Vnd.Wire.Connection;

/// <summary>
/// Live sessions of one server: process ids, cancel keys and the connection limits (total, per user, with slots
/// reserved for admins). Guarded by one lock; it is touched once per connect/disconnect/cancel, never per query.
/// </summary>
internal sealed class ConnectionRegistry
{
    private readonly object _gate = new();
    private readonly Dictionary<int, PgConnection> _byProcessId = [];
    private readonly Dictionary<string, int> _perUser = new(StringComparer.Ordinal);
    private int _nextProcessId = 1000;
    private int _admitted;

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _byProcessId.Count;
            }
        }
    }

    public (int ProcessId, int SecretKey) Register(PgConnection connection)
    {
        lock (_gate)
        {
            var id = ++_nextProcessId;
            _byProcessId[id] = connection;
            return (id, RandomNumberGenerator.GetInt32(int.MinValue, int.MaxValue));
        }
    }

    /// <summary>
    /// Admits an authenticated user: ordinary users up to <paramref name="maxConnections"/> minus the reserved
    /// slots, admins up to the full limit; per-user limit 0 = none. Returns an error message or null.
    /// </summary>
    public string? TryAdmit(string user, bool isAdmin, int maxConnections, int reservedForAdmins, int maxPerUser)
    {
        lock (_gate)
        {
            var limit = isAdmin ? maxConnections : maxConnections - reservedForAdmins;
            if (_admitted >= limit)
            {
                return "sorry, too many clients already";
            }

            _perUser.TryGetValue(user, out var mine);
            if (!isAdmin && maxPerUser > 0 && mine >= maxPerUser)
            {
                return $"too many connections for role \"{user}\"";
            }

            _perUser[user] = mine + 1;
            _admitted++;
            return null;
        }
    }

    public void Unregister(int processId, string? admittedUser)
    {
        lock (_gate)
        {
            _byProcessId.Remove(processId);
            if (admittedUser is not null)
            {
                _admitted--;
                if (--_perUser[admittedUser] == 0)
                {
                    _perUser.Remove(admittedUser);
                }
            }
        }
    }

    /// <summary>Cancels the running query of a session if the key matches.</summary>
    public void Cancel(int processId, int secretKey)
    {
        PgConnection? target;
        lock (_gate)
        {
            _byProcessId.TryGetValue(processId, out target);
        }

        target?.CancelQuery(secretKey);
    }

    public PgConnection[] Snapshot()
    {
        lock (_gate)
        {
            return [.. _byProcessId.Values];
        }
    }
}
