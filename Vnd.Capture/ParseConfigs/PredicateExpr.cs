namespace Vnd.Capture.ParseConfigs;

/// <summary>
/// <c>field op values</c>. For <see cref="ComparisonOperator.In"/> and
/// <see cref="ComparisonOperator.NotIn"/> the packet matches when the field value is (is not) in
/// any of <see cref="Values"/>; the ordering operators always carry exactly one value.
/// </summary>
public sealed record PredicateExpr(FieldReference Field, ComparisonOperator Operator, ValueList<FilterValue> Values) : FilterExpr;
