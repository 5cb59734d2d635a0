using Vnd.Planner.Types;

namespace Vnd.Planner.Catalog;

/// <summary>A table column: name as stored (already case-folded), logical type and optional statistics.</summary>
public sealed record ColumnDefinition(string Name, SqlType Type, ColumnStatistics? Statistics = null);
