using Vnd.Executor.Vectors;
using Vnd.Planner.Types;

namespace Vnd.Engine.Sessions;

/// <summary>
/// How the wire encoder writes one array column: the element kind and OID, and a vector of the element type each
/// row's elements are unpacked into (reused row after row), so the scalar writers print the elements exactly as
/// they print columns of that type.
/// </summary>
internal sealed class ArrayColumn
{
    public ArrayColumn(SqlType element)
    {
        Kind = ColumnKinds.Of(element);
        Float4 = element.Id == TypeId.Float4;
        Cidr = element.Id == TypeId.Cidr;
        ElementOid = PgTypeMapping.Oid(element);
        Elements = new Vector(element, 64);
    }

    public ColumnKind Kind { get; }

    public bool Float4 { get; }

    public bool Cidr { get; }

    public uint ElementOid { get; }

    public Vector Elements { get; }
}
