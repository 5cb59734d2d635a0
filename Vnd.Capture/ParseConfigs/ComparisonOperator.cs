namespace Vnd.Capture.ParseConfigs;

/// <summary>
/// How a predicate compares a field with its values. <c>=</c> and <c>==</c> are written as
/// membership in a set (<c>f = v</c> means <c>f ∈ {v}</c>) and <c>!=</c> as its negation, so
/// evaluators need only these six cases.
/// </summary>
public enum ComparisonOperator
{
    In,
    NotIn,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
}
