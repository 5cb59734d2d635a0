using Vnd.Planner.Syntax.Ast;

namespace Vnd.Planner.Logical;

/// <summary>
/// Set-returning functions over each input row, PostgreSQL 10's ProjectSet: the functions run in lockstep, so an
/// input row gives as many rows as its longest function, the shorter ones padded with NULL; a row for which every
/// function returns nothing is dropped. Each output row is the input row followed by one value per function.
/// Also the FROM-clause form of a function the <see cref="SeriesScan"/> does not cover (over a one-row input) and
/// of one that reads earlier FROM items (implicitly LATERAL).
/// </summary>
public sealed record ProjectSet(LogicalPlan Input, SqlList<SetFunctionCall> Functions) : UnaryPlan(Input)
{
    public override SqlList<PlanColumn> Output => SqlList.From(Input.Output.Concat(Functions.Select(f => f.Column)));
}

/// <summary>
/// One set-returning function of a <see cref="ProjectSet"/>, evaluated over the input row:
/// <list type="bullet">
/// <item><c>generate_series(start, stop, step)</c> — int4, int8 or numeric, or timestamp[tz] with an interval step;
/// the column has the series type.</item>
/// <item><c>unnest(array)</c> — the elements of the array text, as text (the binder casts to the element type).</item>
/// <item><c>ordinality(array)</c> — 1 … n beside unnest of the same array (_pg_expandarray's n), int4.</item>
/// <item><c>generate_subscripts(array, dim[, reverse])</c> — the subscripts of dimension <c>dim</c>, int4.</item>
/// <item><c>with_ordinality()</c> — WITH ORDINALITY: 1 … n numbering the rows the other functions give, int8; it
/// gives no rows of its own.</item>
/// <item><c>single_row(value)</c> — a scalar function in ROWS FROM: its value as one row.</item>
/// </list>
/// </summary>
public sealed record SetFunctionCall(PlanColumn Column, string Function, SqlList<BoundExpr> Arguments)
{
    public override string ToString() => $"{Function}({string.Join(", ", Arguments)}) AS {Column}";
}
