namespace Vnd.Capture.ParseConfigs;

/// <summary><c>not operand</c>.</summary>
public sealed record NotExpr(FilterExpr Operand) : FilterExpr;
