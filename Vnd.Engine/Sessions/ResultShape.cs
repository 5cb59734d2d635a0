using Vnd.Planner.Logical;
using Vnd.Planner.Types;
using Vnd.Wire.Results;

namespace Vnd.Engine.Sessions;

/// <summary>The columns of a query result as the wire describes them, with the per-column write plan.</summary>
public sealed class ResultShape
{
    private ResultShape(PgRowDescription description, SqlType[] types)
    {
        Description = description;
        Types = types;
        Kinds = new ColumnKind[types.Length];
        Cidr = new bool[types.Length];
        for (var c = 0; c < types.Length; c++)
        {
            Kinds[c] = ColumnKinds.Of(types[c]);
            Cidr[c] = types[c].Id == TypeId.Cidr;
        }
    }

    /// <summary>RowDescription (all text until Bind chooses formats).</summary>
    public PgRowDescription Description { get; }

    public SqlType[] Types { get; }

    public ColumnKind[] Kinds { get; }

    public bool[] Cidr { get; }

    /// <param name="origins">The table column each result column reads unchanged, if any (<see cref="ColumnOrigins"/>).</param>
    /// <param name="oids">The session's pg_class OIDs; without them every table OID stays 0.</param>
    public static ResultShape Of(IReadOnlyList<PlanColumn> columns, IReadOnlyList<ColumnOrigin?>? origins = null, Catalog.IRelationOids? oids = null)
    {
        var builder = new RowDescriptionBuilder();
        var types = new SqlType[columns.Count];
        for (var c = 0; c < types.Length; c++)
        {
            types[c] = columns[c].Type;
            // As PostgreSQL: a column read unchanged from a table names that table and its attribute number.
            var origin = origins?[c];
            var table = origin is null ? null : oids?.RelationOid(origin.Schema, origin.Table);
            builder.Add(columns[c].Name, PgTypeMapping.Oid(types[c]), tableOid: table is { } oid ? (uint)oid : 0,
                attributeNumber: table is null ? (short)0 : (short)(origin!.Ordinal + 1));
        }
        return new ResultShape(builder.Build(), types);
    }
}
