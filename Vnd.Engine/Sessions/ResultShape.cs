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

    public static ResultShape Of(IReadOnlyList<PlanColumn> columns)
    {
        var builder = new RowDescriptionBuilder();
        var types = new SqlType[columns.Count];
        for (var c = 0; c < types.Length; c++)
        {
            types[c] = columns[c].Type;
            builder.Add(columns[c].Name, PgTypeMapping.Oid(types[c]));
        }
        return new ResultShape(builder.Build(), types);
    }
}
