namespace Vnd.Planner.Syntax.Ast;

public sealed record WindowFrame(FrameUnit Unit, FrameBound Start, FrameBound? End) : SqlNode
{
    public FrameExclusion Exclusion { get; init; }
}
