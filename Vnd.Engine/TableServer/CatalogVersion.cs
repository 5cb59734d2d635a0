using System.Globalization;
using System.IO.Hashing;
using System.Text;
using Vnd.Executor.Storage;

namespace Vnd.Engine.TableServer;

/// <summary>
/// A table server's catalog version (<see cref="Vnd.Executor.Remote.TableServerProtocol.CatalogVersionTrailer"/>):
/// a fingerprint of every table's name and manifest stamp. Tables reach a table server's data directory from
/// other processes (<c>vnd import</c>, a capture agent, a copy), so no in-process counter could see them; the
/// fingerprint changes with any table created, dropped or given a new manifest, and stays the same across a
/// restart over unchanged data, so the control server need not list a restarted server again.
/// </summary>
public static class CatalogVersion
{
    /// <summary>The version of <paramref name="store"/>'s tables now, as 16 hexadecimal digits.</summary>
    public static string Of(TraceTableStore store)
    {
        var hash = new XxHash64();
        var line = new StringBuilder();
        foreach (var schema in store.ListSchemas())
        {
            foreach (var table in store.ListTables(schema))
            {
                if (store.ManifestStamp(table) is not { } stamp)
                    continue;
                line.Clear().Append(schema).Append('\0').Append(table.Table).Append('\0')
                    .Append(stamp.Written.Ticks.ToString(CultureInfo.InvariantCulture)).Append('\0')
                    .Append(stamp.Length.ToString(CultureInfo.InvariantCulture)).Append('\n');
                hash.Append(Encoding.UTF8.GetBytes(line.ToString()));
            }
        }
        return Convert.ToHexString(hash.GetCurrentHash());
    }
}
