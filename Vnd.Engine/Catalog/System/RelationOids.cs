using System.Text;

namespace Vnd.Engine.Catalog.System;

/// <summary>
/// OIDs of a tenant's own objects (its schema and trace tables): a hash of the qualified name into the range above
/// PostgreSQL's FirstNormalObjectId, so the same table keeps its OID across sessions and restarts, and no OID depends
/// on what other tenants hold (a global counter would reveal how many objects others created). Collisions within one
/// tenant's view are resolved by probing upward in name order.
/// </summary>
public static class RelationOids
{
    public const int FirstUserOid = 16384;

    /// <summary>The stable OID of <paramref name="name"/> in <paramref name="schema"/> before collision probing.</summary>
    public static int Hash(string kind, string schema, string name)
    {
        const ulong offset = 14695981039346656037, prime = 1099511628211;
        var hash = offset;
        foreach (var b in Encoding.UTF8.GetBytes(kind + ":" + schema + "." + name))
        {
            hash = (hash ^ b) * prime;
        }
        return FirstUserOid + (int)(hash % (uint)(int.MaxValue - FirstUserOid));
    }

    /// <summary>Assigns OIDs to names in order, stepping past OIDs already <paramref name="used"/>.</summary>
    public static int Allocate(string kind, string schema, string name, HashSet<int> used)
    {
        var oid = Hash(kind, schema, name);
        while (!used.Add(oid))
        {
            oid = oid == int.MaxValue ? FirstUserOid : oid + 1;
        }
        return oid;
    }
}
