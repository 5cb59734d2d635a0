using System.Globalization;
using Vnd.Planner.Logical;
using Vnd.Planner.Syntax.Ast;

namespace Vnd.Planner.Distributed;

/// <summary>
/// The leaf through which a fragment reads another fragment's result. It is an ordinary <see cref="Scan"/> of the
/// reserved schema <see cref="Schema"/> (a name no tenant schema can take: tenant names are identifiers), so every
/// existing pass — plan text, the physical planner's table resolver, fragment encoding — handles it unchanged.
/// Its columns keep the producer's column ids, so the consumer's expressions need no rewriting.
/// </summary>
public static class ExchangeScan
{
    public const string Schema = "$exchange";

    public static Scan Create(int producer, SqlList<PlanColumn> columns) =>
        new(Schema, producer.ToString(CultureInfo.InvariantCulture),
            SqlList.From(columns.Select((c, i) => new ScanColumn(c, i))), SqlList<BoundExpr>.Empty, SqlList<ColumnRange>.Empty);

    /// <summary>The producing fragment's id when <paramref name="scan"/> reads an exchange.</summary>
    public static bool TryGetProducer(Scan scan, out int producer)
    {
        producer = -1;
        return scan.Schema == Schema && int.TryParse(scan.Table, NumberStyles.None, CultureInfo.InvariantCulture, out producer);
    }
}
