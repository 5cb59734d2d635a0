using System.Globalization;
using Vnd.Executor.Remote;
using Vnd.Planner.Distributed;

namespace Vnd.Engine.Tests.TableServer;

/// <summary>What the catalog tests do to table-server processes: count their ListFlights calls, add a table behind their back.</summary>
public static class CatalogProbe
{
    /// <summary>How many ListFlights calls each table server (host:port) has answered, from its <c>status</c> action.</summary>
    public static async Task<List<long>> Listings(IEnumerable<string> servers)
    {
        var counts = new List<long>();
        foreach (var server in servers)
        {
            using var client = new TableServerClient(new Site(server), new Uri($"http://{server}/"), DistributedDemo.Token);
            var status = await client.ActionAsync(TableServerProtocol.StatusAction, TableServerProtocol.ListingsStatus, TimeSpan.FromSeconds(5));
            counts.Add(long.Parse(Assert.Single(status), CultureInfo.InvariantCulture));
        }
        return counts;
    }

    /// <summary>
    /// Puts a copy of trace table <paramref name="from"/> into <paramref name="data"/> as <paramref name="schema"/>.<paramref name="table"/>,
    /// as an import in another process would: the table appears at once and whole (a hidden directory renamed into place).
    /// </summary>
    public static void Import(string from, string data, string schema, string table)
    {
        var hidden = Path.Combine(data, "tables", schema, "." + table + "-copy");
        DirectoryCopy.Copy(from, hidden);
        Directory.Move(hidden, Path.Combine(data, "tables", schema, table));
    }
}
