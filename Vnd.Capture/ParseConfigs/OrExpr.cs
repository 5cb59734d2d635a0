namespace Vnd.Capture.ParseConfigs;

/// <summary><c>left or right</c>.</summary>
public sealed record OrExpr(FilterExpr Left, FilterExpr Right) : FilterExpr;
