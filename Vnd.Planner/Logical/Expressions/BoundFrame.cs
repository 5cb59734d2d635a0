using Vnd.Planner.Syntax.Ast;

namespace Vnd.Planner.Logical;

/// <summary>A window frame; offsets are constant row/peer counts (RANGE with offsets is not supported).</summary>
public sealed record BoundFrame(FrameUnit Unit, FrameBoundKind StartKind, long? StartOffset, FrameBoundKind EndKind, long? EndOffset);
