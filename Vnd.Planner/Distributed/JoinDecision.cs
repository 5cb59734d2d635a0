using Vnd.Planner.Logical;

namespace Vnd.Planner.Distributed;

/// <summary>What the planner chose for one join: where it runs, how inputs get there, the predicted output.</summary>
public sealed record JoinDecision(JoinType Type, Site Site, JoinStrategy Strategy, string Left, string Right, double PredictedRows)
{
    public override string ToString() => $"{Type} join {Left} x {Right} at {Site}: {Strategy} (rows={PredictedRows:0})";
}
