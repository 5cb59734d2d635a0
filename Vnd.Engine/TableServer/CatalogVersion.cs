using System.Globalization;
using Vnd.Executor.Remote;
using Vnd.Executor.Storage;

namespace Vnd.Engine.TableServer;

/// <summary>
/// A table server's catalog version (<see cref="Vnd.Executor.Remote.TableServerProtocol.CatalogVersionTrailer"/>):
/// a fingerprint of every table's name and manifest stamp. Tables reach a table server's data directory from
/// other processes (<c>vnd import</c>, a capture agent, a copy), so no in-process counter could see them; the
/// fingerprint changes with any table created, dropped or given a new manifest, and stays the same across a
/// restart over unchanged data, so the control server need not list a restarted server again. It is the count of
/// tables and the wrapping sum of their <see cref="TableStamp"/>s, so the order the directories list in does not
/// matter and nothing is sorted: it is taken every heartbeat, over thousands of tables.
/// </summary>
public static class CatalogVersion
{
    /// <summary>The version of <paramref name="store"/>'s tables now.</summary>
    public static string Of(TraceTableStore store)
    {
        ulong sum = 0;
        long count = 0;
        foreach (var (table, written, length) in store.ManifestStamps())
        {
            unchecked { sum += TableStamp.Of(table.Schema, table.Table, written, length); }
            count++;
        }
        return count.ToString("x", CultureInfo.InvariantCulture) + "-" + sum.ToString("x16", CultureInfo.InvariantCulture);
    }
}
