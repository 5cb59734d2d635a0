namespace Vnd.Engine.Catalog;

/// <summary>What <c>vnd.diagnoses</c> shows of a trace table: its size, its fields, and its first timestamp column's range.</summary>
public sealed record TraceTableSummary(long Rows, long Bytes, IReadOnlyList<string> Fields, DateTime? First, DateTime? Last);
