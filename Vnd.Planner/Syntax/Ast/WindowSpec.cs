namespace Vnd.Planner.Syntax.Ast;

/// <summary>OVER (…) or OVER name (then only <see cref="ReferenceName"/> is set).</summary>
public sealed record WindowSpec(string? ReferenceName, SqlList<Expr> PartitionBy, SqlList<OrderItem> OrderBy, WindowFrame? Frame) : SqlNode;
