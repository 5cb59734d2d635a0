namespace Vnd.Planner.Logical;

/// <summary>A table column read by a scan: the output column and its ordinal in the table definition.</summary>
public sealed record ScanColumn(PlanColumn Column, int Ordinal);
