using Vnd.Planner.Types;

namespace Vnd.Planner.Logical;

/// <summary>
/// A constant. <see cref="Value"/> is null (SQL NULL), bool, short, int, long, decimal, double or string. Types
/// with no CLR form here (timestamp, interval, inet, date, …) keep PostgreSQL's input text as a string; the executor
/// parses it once per query.
/// </summary>
public sealed record BoundLiteral(object? Value, SqlType LiteralType) : BoundExpr
{
    public override SqlType Type => LiteralType;

    public static BoundLiteral True { get; } = new(true, SqlType.Bool);

    public static BoundLiteral False { get; } = new(false, SqlType.Bool);
}
