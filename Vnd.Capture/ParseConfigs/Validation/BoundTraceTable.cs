namespace Vnd.Capture.ParseConfigs.Validation;

/// <summary>
/// One trace table to fill: rows come from packets of trace <see cref="TraceId"/> (null: every
/// trace) that pass <see cref="Filter"/> (null: every packet). Field names in the filter are canonical.
/// </summary>
public sealed record BoundTraceTable(string? TraceId, string TableId, FilterExpr? Filter, ValueList<BoundColumn> Columns);
