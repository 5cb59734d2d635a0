namespace Vnd.Executor.Tests.Slt;

/// <summary>How a query's rows are compared: as returned, sorted as rows, or sorted value by value.</summary>
public enum SltSort
{
    NoSort,
    RowSort,
    ValueSort,
}

/// <summary>
/// One sqllogictest record. <c>statement ok</c> / <c>statement error SQLSTATE</c> has <see cref="Types"/> null;
/// <c>query TYPES [rowsort|valuesort]</c> has one type letter per column (I integer, R float/numeric compared
/// with tolerance, T text, B bool, D date/time, anything else compared as text) and <see cref="Expected"/> rows,
/// values separated by '|', NULL as <c>NULL</c> and the empty string as <c>(empty)</c>.
/// <see cref="SkipReason"/> is set by a preceding <c>skipif vnd # reason</c> line.
/// </summary>
public sealed record SltRecord(string File, int Line, string Sql, string? Types, SltSort Sort, string? ExpectedError,
    IReadOnlyList<string> Expected, string? SkipReason)
{
    public bool IsQuery => Types is not null;

    public override string ToString() => $"{Path.GetFileName(File)}:{Line}";
}
