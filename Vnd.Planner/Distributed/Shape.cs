using Vnd.Planner.Logical;
using Vnd.Planner.Syntax.Ast;

namespace Vnd.Planner.Distributed;

/// <summary>How a <see cref="Candidate"/> is built; <see cref="FragmentBuilder"/> turns shapes into fragments.</summary>
public abstract record Shape;

/// <summary>A subtree whose tables all live at one site: it runs there whole (filters, projections, aggregates, top-N).</summary>
public sealed record LocalShape(LogicalPlan Plan) : Shape;

/// <summary>A unary node applied at the input's site.</summary>
public sealed record UnaryShape(UnaryPlan Template, Candidate Input) : Shape;

/// <summary>The input's result moved to another site: an exchange.</summary>
public sealed record MoveShape(Candidate Input, ExchangeKind Kind) : Shape;

/// <summary>A join at the candidate's site of inputs already there.</summary>
public sealed record JoinShape(JoinType Type, Candidate Left, Candidate Right, SqlList<EquiKey> Keys, BoundExpr? Residual,
    JoinStrategy Strategy, string LeftName, string RightName) : Shape;

/// <summary>The distinct values of <see cref="Keys"/> over the input, as fresh columns <see cref="Columns"/>.</summary>
public sealed record KeysShape(Candidate Input, SqlList<BoundExpr> Keys, SqlList<PlanColumn> Columns) : Shape;

/// <summary>A Bloom filter over <see cref="Keys"/> of the input, as (offset, chunk) rows in <see cref="Offset"/>, <see cref="Chunk"/>.</summary>
public sealed record BloomBuildShape(Candidate Input, SqlList<BoundExpr> Keys, BloomFilterSizing Size, PlanColumn Offset, PlanColumn Chunk) : Shape;

/// <summary>The input's rows whose <see cref="Keys"/> may be in the Bloom filter <see cref="Filter"/> (already at the input's site).</summary>
public sealed record BloomProbeShape(Candidate Input, Candidate Filter, SqlList<BoundExpr> Keys, BloomFilterSizing Size) : Shape;

/// <summary>An invertible Bloom lookup table of the input's integer <see cref="Key"/>, as (offset, chunk) rows.</summary>
public sealed record SetSketchShape(Candidate Input, BoundExpr Key, SetSketchSizing Size, PlanColumn Offset, PlanColumn Chunk) : Shape;

/// <summary>
/// A semi/anti join of the (local) input against the other site's keys learnt from <see cref="Sketch"/>, with
/// <see cref="Retry"/> (a table of twice the cells) and then <see cref="Fallback"/> (the other site's distinct keys)
/// read only if the difference does not peel.
/// </summary>
public sealed record SetDifferenceShape(JoinType Type, Candidate Input, Candidate Sketch, Candidate Retry, Candidate Fallback, BoundExpr Key,
    SetSketchSizing Size, string LeftName, string RightName) : Shape;

/// <summary>
/// The half of a decomposed aggregate at the site that peels (<see cref="ReconciledPartial"/>): its input, the other
/// site's key sketch and retry, its key and terms; output (key, summary) rows.
/// </summary>
public sealed record ReconciledPartialShape(Candidate Input, Candidate Sketch, Candidate Retry, BoundExpr Key, SqlList<BoundExpr> Terms,
    SetSketchSizing Size, PlanColumn KeyColumn, PlanColumn Summary) : Shape;

/// <summary>
/// An aggregate over a join computed by <see cref="ReconciledAggregate"/> at <see cref="Input"/>'s site from the other
/// side's <see cref="Partial"/>; <see cref="Fallback"/> is the other side's rows (planned at zero rows), joined here
/// under <see cref="Template"/> only if a run-time check fails.
/// </summary>
public sealed record ReconciledAggregateShape(Aggregate Template, Join Join, bool LocalIsLeft, Candidate Input, Candidate Partial,
    Candidate Fallback, BoundExpr Key, SqlList<BoundExpr> Terms, SqlList<DecomposedAggregate> Aggregates, string LeftName, string RightName,
    double JoinRows) : Shape;

/// <summary>UNION / INTERSECT / EXCEPT at the candidate's site of inputs already there.</summary>
public sealed record SetOperationShape(SetOperationPlan Template, Candidate Left, Candidate Right) : Shape;
