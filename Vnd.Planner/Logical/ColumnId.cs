namespace Vnd.Planner.Logical;

/// <summary>
/// A column's identity within one bound statement. Every relation output (scan column, projection, aggregate,
/// join side) gets fresh ids, so a reference never depends on its position and rules can move expressions freely.
/// </summary>
public readonly record struct ColumnId(int Value)
{
    public override string ToString() => "#" + Value;
}
