using System.Globalization;
using System.Text;
using Vnd.Planner.Explain;

namespace Vnd.Planner.Distributed;

/// <summary>
/// EXPLAIN of a distributed plan as the tenant sees it: each fragment with its site (capture-point names or the
/// coordinator, never a hypervisor) and its plan indented below, then every exchange with the rows and bytes the
/// planner predicts it moves, the join strategies chosen and the total. A fragment reads another's result through
/// <c>$exchange.N</c>, N being the producing fragment. EXPLAIN ANALYZE passes notes that append what actually
/// happened to each fragment's and exchange's line.
/// </summary>
public static class DistributedPlanText
{
    public static string Format(DistributedPlan plan, Func<PlanFragment, string>? fragmentNote = null, Func<Exchange, string>? exchangeNote = null)
    {
        var text = new StringBuilder();
        foreach (var fragment in plan.Fragments)
        {
            text.Append("Fragment ").Append(fragment.Id).Append(" at \"").Append(fragment.Site).Append('"')
                .Append(fragment.Id == plan.Root ? " (result)" : "");
            if (fragmentNote is not null)
                text.Append(' ').Append(fragmentNote(fragment));
            text.Append('\n');
            foreach (var line in PlanText.Format(fragment.Plan).Split('\n', StringSplitOptions.RemoveEmptyEntries))
                text.Append("  ").Append(line).Append('\n');
        }
        foreach (var exchange in plan.Exchanges)
        {
            text.Append("Exchange fragment ").Append(exchange.Producer).Append(" at \"").Append(exchange.From)
                .Append("\" -> fragment ").Append(exchange.Consumer).Append(" at \"").Append(exchange.To).Append("\": ")
                .Append(exchange.Kind).Append(", predicted rows=").Append(Number(exchange.PredictedRows))
                .Append(" bytes=").Append(Number(exchange.PredictedBytes));
            if (exchangeNote is not null)
                text.Append(", ").Append(exchangeNote(exchange));
            text.Append('\n');
        }
        foreach (var join in plan.Joins)
            text.Append(join).Append('\n');
        text.Append("Predicted bytes moved: ").Append(Number(plan.PredictedBytesMoved)).Append('\n');
        return text.ToString();
    }

    private static string Number(double value) => value.ToString("0", CultureInfo.InvariantCulture);
}
