using Vnd.Planner.Catalog;
using Vnd.Planner.Syntax.Ast;
using Vnd.Planner.Types;

namespace Vnd.Engine.Sessions;

/// <summary>
/// A session's bound and optimized queries, reused when the same statement runs again: pgbench, dashboards and
/// drivers send the same texts over and over (Npgsql parses its unnamed statement on every command), and binding
/// plus optimizing was about 15% of a small query. Keyed by the parsed statement (one object per distinct text,
/// from the <see cref="StatementCache"/>) and the declared parameter types; an entry is used only while the catalog
/// still gives every answer its binding depended on (<see cref="CatalogLookups.StillHold"/>), so DROP/CREATE of a
/// table or (temporary) view, a new search_path or a re-imported table make it bind afresh. The cache belongs to one
/// session, whose catalog is its tenant's: nothing in it is ever seen by another tenant.
/// </summary>
public sealed class PlanCache(int capacity = 256)
{
    private readonly Dictionary<Key, (PreparedQuery Query, CatalogLookups Lookups)> _plans = [];

    /// <summary>Plans reused since the session began (for tests and diagnostics).</summary>
    public long Hits { get; private set; }

    /// <summary>The prepared <paramref name="query"/>: the cached one if still valid, else bound and optimized now.</summary>
    public PreparedQuery Prepare(ICatalog catalog, Query query, SqlList<SqlType>? declared)
    {
        var key = new Key(query, declared ?? SqlList<SqlType>.Empty);
        if (_plans.TryGetValue(key, out var cached))
        {
            if (cached.Lookups.StillHold(catalog))
            {
                Hits++;
                return cached.Query;
            }
            _plans.Remove(key);
        }
        var lookups = new CatalogLookups(catalog);
        var prepared = PreparedQuery.Prepare(lookups, query, declared);
        if (lookups.Reusable)
        {
            // Bounded: a session that sends ever new texts (literals inlined) starts over rather than grow.
            if (_plans.Count >= capacity)
                _plans.Clear();
            _plans[key] = (prepared, lookups);
        }
        return prepared;
    }

    /// <summary>DISCARD PLANS / DISCARD ALL.</summary>
    public void Clear() => _plans.Clear();

    /// <summary>The statement by identity (ASTs compare structurally, which would walk the whole tree) and the declared types.</summary>
    private readonly record struct Key(Query Query, SqlList<SqlType> Declared)
    {
        public bool Equals(Key other) => ReferenceEquals(Query, other.Query) && Declared.Equals(other.Declared);

        public override int GetHashCode() => HashCode.Combine(System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(Query), Declared.Count);
    }
}
