namespace Vnd.Capture.ParseConfigs;

/// <summary>
/// A bare field name used as a filter, e.g. <c>Filter: tcp</c> or <c>Filter: vlan.id</c>:
/// the packet matches when it carries that field (or protocol layer).
/// </summary>
public sealed record FieldPresentExpr(FieldReference Field) : FilterExpr;
