namespace Vnd.Capture.ParseConfigs;

/// <summary>
/// A packet filter (paper Fig. 7a: <c>exp = not exp | exp and exp | exp or exp | (exp) | prim</c>).
/// Parentheses leave no node; precedence is not &gt; and &gt; or, and/or associate to the left.
/// </summary>
public abstract record FilterExpr : ConfigNode;
