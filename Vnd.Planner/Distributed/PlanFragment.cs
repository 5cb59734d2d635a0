using Vnd.Planner.Logical;

namespace Vnd.Planner.Distributed;

/// <summary>
/// A part of a query that runs at one site. Inputs from other fragments appear in <see cref="Plan"/> as
/// <see cref="ExchangeScan"/> leaves; everything else reads the site's own trace tables.
/// </summary>
public sealed record PlanFragment(int Id, Site Site, LogicalPlan Plan, double PredictedRows, double PredictedBytes);
