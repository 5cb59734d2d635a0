namespace Vnd.Capture.ParseConfigs;

/// <summary><c>left and right</c>.</summary>
public sealed record AndExpr(FilterExpr Left, FilterExpr Right) : FilterExpr;
