namespace Vnd.Planner.Logical;

/// <summary>left = right for a hash join; either side may be computed (f.seq + f.payload_length = b.ack).</summary>
public sealed record EquiKey(BoundExpr Left, BoundExpr Right)
{
    public override string ToString() => Left + " = " + Right;
}
