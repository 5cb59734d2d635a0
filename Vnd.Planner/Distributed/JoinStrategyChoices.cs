namespace Vnd.Planner.Distributed;

/// <summary>The names of <see cref="JoinStrategyChoice"/> as <c>SET vnd.join_strategy</c> takes and SHOW prints them.</summary>
public static class JoinStrategyChoices
{
    public const string Names = "auto, ship_smaller, ship_both, semijoin_reduction, bloom_filter, set_reconciliation";

    public static bool TryParse(string text, out JoinStrategyChoice choice)
    {
        choice = text.Trim().ToLowerInvariant() switch
        {
            "auto" => JoinStrategyChoice.Auto,
            "ship_smaller" => JoinStrategyChoice.ShipSmaller,
            "ship_both" => JoinStrategyChoice.ShipBoth,
            "semijoin_reduction" => JoinStrategyChoice.SemiJoinReduction,
            "bloom_filter" => JoinStrategyChoice.BloomFilter,
            "set_reconciliation" => JoinStrategyChoice.SetReconciliation,
            _ => (JoinStrategyChoice)(-1),
        };
        return choice >= 0;
    }

    public static string Name(JoinStrategyChoice choice) => choice switch
    {
        JoinStrategyChoice.ShipSmaller => "ship_smaller",
        JoinStrategyChoice.ShipBoth => "ship_both",
        JoinStrategyChoice.SemiJoinReduction => "semijoin_reduction",
        JoinStrategyChoice.BloomFilter => "bloom_filter",
        JoinStrategyChoice.SetReconciliation => "set_reconciliation",
        _ => "auto",
    };

    /// <summary>True when <paramref name="strategy"/> belongs to the family <paramref name="choice"/> allows.</summary>
    public static bool Allows(JoinStrategyChoice choice, JoinStrategy strategy) => choice switch
    {
        JoinStrategyChoice.ShipSmaller => strategy is JoinStrategy.ShipLeft or JoinStrategy.ShipRight,
        JoinStrategyChoice.ShipBoth => strategy is JoinStrategy.ShipBothToCoordinator,
        JoinStrategyChoice.SemiJoinReduction => strategy is JoinStrategy.ReduceLeft or JoinStrategy.ReduceRight or JoinStrategy.ShipRightKeys,
        JoinStrategyChoice.BloomFilter => strategy is JoinStrategy.BloomReduceLeft or JoinStrategy.BloomReduceRight,
        JoinStrategyChoice.SetReconciliation => strategy is JoinStrategy.SetReconciliation,
        _ => true,
    };
}
