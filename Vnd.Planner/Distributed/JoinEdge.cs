using Vnd.Planner.Logical;

namespace Vnd.Planner.Distributed;

/// <summary>An equi-join predicate between two leaves of a join region; <see cref="Key"/>.Left is over leaf <see cref="Left"/>.</summary>
public sealed record JoinEdge(int Left, int Right, EquiKey Key);
