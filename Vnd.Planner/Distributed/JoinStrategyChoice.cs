namespace Vnd.Planner.Distributed;

/// <summary>
/// Which strategies the planner may use for a join whose inputs are at different sites (the session setting
/// <c>vnd.join_strategy</c>, see <see cref="JoinStrategyChoices"/>). Anything but <see cref="Auto"/> is for
/// measuring: it makes the planner take the cheapest plan of one family, so the cost of each can be compared with
/// what the cost model would have chosen. A join the family cannot run (semi-join reduction of a join without
/// equality keys, of an outer join) keeps every strategy.
/// </summary>
public enum JoinStrategyChoice
{
    /// <summary>The cheapest strategy by the cost model (the default).</summary>
    Auto,
    /// <summary>Join at one input's site, moving the other (<see cref="JoinStrategy.ShipLeft"/> or <see cref="JoinStrategy.ShipRight"/>).</summary>
    ShipSmaller,
    /// <summary>Move both inputs to the coordinator and join there (<see cref="JoinStrategy.ShipBothToCoordinator"/>).</summary>
    ShipBoth,
    /// <summary>Ship distinct join keys first (<see cref="JoinStrategy.ReduceLeft"/>, <see cref="JoinStrategy.ReduceRight"/>, <see cref="JoinStrategy.ShipRightKeys"/>).</summary>
    SemiJoinReduction,
    /// <summary>Ship a Bloom filter of one side's join keys first (<see cref="JoinStrategy.BloomReduceLeft"/>, <see cref="JoinStrategy.BloomReduceRight"/>).</summary>
    BloomFilter,
    /// <summary>Ship an invertible Bloom lookup table sized for the key sets' difference (<see cref="JoinStrategy.SetReconciliation"/>).</summary>
    SetReconciliation,
}
