using System.Collections.Concurrent;
using Vnd.Executor.Storage;

namespace Vnd.Engine.Catalog;

/// <summary>
/// The names of a schema's trace tables, listed again only when the schema directory changed. Every statement of a
/// wire session lists its tenant's tables (pg_class, RowDescription's table OIDs); listing checks each directory for
/// a manifest, one file-system call per table, ~30 ms per statement at 3,000 tables under load. Creating a table
/// directory or dropping one (it is renamed away) moves the schema directory's write time; a directory listed while
/// it had no manifest yet (an import under way) is checked again each time until it has one.
/// </summary>
/// <remarks>
/// File-system timestamps are coarse (a clock tick), so a table created within the tick of a listing could leave the
/// write time unchanged: a listing is trusted only when the write time it saw is <see cref="Settle"/> older than it.
/// </remarks>
public sealed class TableNameCache(TraceTableStore store)
{
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(2);

    private readonly ConcurrentDictionary<string, Listing> _listings = new(StringComparer.Ordinal);

    public IReadOnlyList<string> Names(string schema)
    {
        var directory = store.SchemaDirectory(schema);
        var written = Directory.GetLastWriteTimeUtc(directory);
        if (_listings.TryGetValue(schema, out var known) && known.Trusted && known.Written == written && !known.AnyPendingReady(store))
            return known.Names;
        var listing = List(schema, directory, written);
        _listings[schema] = listing;
        return listing.Names;
    }

    private Listing List(string schema, string directory, DateTime written)
    {
        var names = new List<string>();
        var pending = new List<TableRef>();
        if (Directory.Exists(directory))
        {
            foreach (var table in Directory.EnumerateDirectories(directory))
            {
                var name = Path.GetFileName(table);
                if (name.StartsWith('.'))
                    continue;
                var reference = new TableRef(schema, name);
                if (store.TableExists(reference))
                    names.Add(name);
                else
                    pending.Add(reference);
            }
        }
        names.Sort(StringComparer.Ordinal);
        return new Listing(written, DateTime.UtcNow - written > Settle, [.. names], [.. pending]);
    }

    /// <summary>One listing: the names with a manifest, and the table directories that had none then.</summary>
    private sealed record Listing(DateTime Written, bool Trusted, string[] Names, TableRef[] Pending)
    {
        public bool AnyPendingReady(TraceTableStore store)
        {
            foreach (var table in Pending)
            {
                if (store.TableExists(table))
                    return true;
            }
            return false;
        }
    }
}
